package dev.paymentsimulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for tests that go through the whole server. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One client for every test, on threads named for it, so that a test counting the
	 * simulator's threads can tell them from the client's.
	 */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "test-client");
			thread.setDaemon(true);
			return thread;
		}))
		.build();

	private final String base;

	private final String key;

	public Api(int port) {
		this("http://localhost:" + port, null);
	}

	private Api(String base, String key) {
		this.base = base;
		this.key = key;
	}

	/**
	 * The same client, sending {@code Authorization: Bearer <key>} with every request.
	 */
	public Api withKey(String key) {
		return new Api(this.base, key);
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), Map.of());
	}

	public Answer delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), Map.of());
	}

	/** A CORS preflight, or any {@code OPTIONS} request, with the given headers. */
	public Answer options(String path, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()), headers);
	}

	public Answer post(String path, String json) {
		return post(path, json, Map.of());
	}

	public Answer post(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return send(request, headers);
	}

	public Answer send(HttpRequest.Builder request, Map<String, String> headers) {
		if (this.key != null && !headers.containsKey("Authorization")) {
			request.header("Authorization", "Bearer " + this.key);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Waits for the given attempt to deliver an event, and answers its delivery record.
	 */
	public JsonNode awaitDelivery(String eventId, int attempt) {
		JsonNode[] found = new JsonNode[1];
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (JsonNode delivery : get("/v1/events/" + eventId + "/deliveries").json().get("data")) {
				if (delivery.get("attempt").asInt() == attempt) {
					found[0] = delivery;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	/**
	 * Moves the namespace's clock forward to the given unix second, if it is not there
	 * yet.
	 */
	public void advanceClockTo(long unixSeconds) {
		long now = get("/v1/simulator/clock").json().get("now").asLong();
		if (unixSeconds > now) {
			post("/v1/simulator/clock/advance", "{\"seconds\":" + (unixSeconds - now) + "}");
		}
	}

	/** One answer: status, content type, headers and body. */
	public record Answer(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text(String field) {
			return json().get(field).asString();
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
