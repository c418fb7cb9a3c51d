package dev.paymentsimulator.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.DuplexConnectionPool;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * Sends one signed request and tells how it went, within one deadline for the whole
 * attempt: connecting, the headers and the body. Jetty's client does the sending without
 * a thread per attempt; its total timeout covers the body, its pool keeps connections
 * alive per receiver and closes them when idle, and every thread it uses is named and
 * counted. How many attempts run at once is bounded before they get here.
 */
final class WebhookSender {

	/** What of the receiver's answer the delivery log keeps: its first KiB. */
	static final int KEPT_BODY_BYTES = 1024;

	/** Headers kept of the receiver's answer, and the length kept of each value. */
	private static final int KEPT_HEADERS = 32;

	private static final int KEPT_HEADER_CHARS = 256;

	/**
	 * How an attempt ended: the receiver's status, headers and the start of its body, or
	 * why there was none.
	 */
	record Answer(Integer status, String retryAfter, String error, long durationMs,
			@Nullable Map<String, String> headers, @Nullable String body) {

		static Answer failed(String error, long durationMs) {
			return new Answer(null, null, error, durationMs, null, null);
		}

	}

	private final Duration timeout;

	private final HttpClient http;

	WebhookSender(WebhookProperties properties) {
		this.timeout = properties.timeout();
		QueuedThreadPool threads = new QueuedThreadPool(8 + properties.threads(), 2);
		threads.setName("webhook-http");
		threads.setDaemon(true);
		HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP();
		transport
			.setConnectionPoolFactory((destination) -> new ConnectionsOnDemand(destination, properties.maxInFlight()));
		this.http = new HttpClient(transport);
		this.http.setExecutor(threads);
		this.http.setScheduler(new ScheduledExecutorScheduler("webhook-deadlines", true));
		this.http.setConnectTimeout(properties.connectTimeout().toMillis());
		this.http.setIdleTimeout(30_000);
		this.http.setFollowRedirects(false);
		// the caps on attempts count per endpoint; two endpoints on one host and port
		// share a destination here, so its pool must not be the tighter bound
		this.http.setMaxConnectionsPerDestination(properties.maxInFlight());
		this.http.setMaxRequestsQueuedPerDestination(properties.maxInFlight());
		this.http.setUserAgentField(null);
		try {
			this.http.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the webhook client", ex);
		}
	}

	/**
	 * Sends the body with these headers; the answer arrives on one of the client's own
	 * threads, never later than the deadline.
	 */
	CompletableFuture<Answer> send(String url, Map<String, String> headers, String body) {
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		long started = System.nanoTime();
		ByteArrayOutputStream kept = new ByteArrayOutputStream();
		this.http.newRequest(url)
			.method(HttpMethod.POST)
			.timeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			// the body sets the content type; every other header is sent as the log
			// records it
			.headers((fields) -> headers.forEach((name, value) -> {
				if (!name.equals("content-type")) {
					fields.put(name, value);
				}
			}))
			.body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
			// the rest of a long answer is read and dropped
			.onResponseContent((response, content) -> {
				int take = Math.min(content.remaining(), KEPT_BODY_BYTES - kept.size());
				if (take > 0) {
					byte[] chunk = new byte[take];
					content.duplicate().get(chunk);
					kept.write(chunk, 0, take);
				}
			})
			.send((result) -> {
				long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				Response response = result.getResponse();
				if (result.isFailed()) {
					answer.complete(Answer.failed(describe(result.getFailure()), durationMs));
					return;
				}
				answer.complete(new Answer(response.getStatus(), response.getHeaders().get("Retry-After"), null,
						durationMs, kept(response.getHeaders()), kept.toString(StandardCharsets.UTF_8)));
			});
		return answer;
	}

	private static Map<String, String> kept(HttpFields fields) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (HttpField field : fields) {
			if (headers.size() == KEPT_HEADERS && !headers.containsKey(field.getLowerCaseName())) {
				break;
			}
			String value = field.getValue();
			headers.merge(field.getLowerCaseName(),
					(value.length() > KEPT_HEADER_CHARS) ? value.substring(0, KEPT_HEADER_CHARS) : value,
					(first, second) -> first + ", " + second);
		}
		return Collections.unmodifiableMap(headers);
	}

	void shutdown() {
		try {
			this.http.stop();
		}
		catch (Exception ex) {
			// stopping anyway
		}
	}

	/**
	 * Opens a connection only for a request that waits for one. Jetty's own pool opens
	 * one more whenever a request finds no idle connection, even when one already being
	 * opened will serve it; when receivers close connections (Tomcat does after 100
	 * requests on one), those spares pile up past the caps on attempts in flight, idle
	 * but open.
	 */
	static final class ConnectionsOnDemand extends DuplexConnectionPool {

		ConnectionsOnDemand(Destination destination, int maxConnections) {
			super(destination, maxConnections);
		}

		@Override
		protected void tryCreate(boolean create) {
			// false: as many connections pending as requests queued, not one more
			super.tryCreate(false);
		}

	}

	private static String describe(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "timeout";
		}
		if (failure instanceof SocketTimeoutException) {
			return "connect_timeout";
		}
		if (failure instanceof ConnectException) {
			return "connection_refused";
		}
		if (failure instanceof IOException) {
			return "connection_error";
		}
		return "delivery_error";
	}

}
