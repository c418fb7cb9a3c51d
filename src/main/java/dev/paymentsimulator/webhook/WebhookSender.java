package dev.paymentsimulator.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one signed request and tells how it went, within one deadline for the whole
 * attempt: connecting, the headers and the body. The JDK client sends, blocking one of
 * the sender's threads per attempt: its asynchronous API hands every answer to
 * {@code CompletableFuture}'s default executor, which on a machine of two cores starts a
 * thread per task. How many attempts run at once is bounded before they get here, so the
 * threads, and the connections kept alive between attempts, are never more than that.
 * Every thread is named: the senders (which end when idle), two that finish attempts and
 * serve the client, and one that keeps the deadlines.
 */
final class WebhookSender {

	static {
		// the JDK client keeps an idle connection 20 minutes unless told otherwise; a
		// receiver that is gone should not hold sockets that long
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout", "30");
		}
	}

	static final String USER_AGENT = "PaymentSimulator-Webhooks/1";

	/** How an attempt ended: the receiver's status, or why there was none. */
	record Answer(Integer status, String retryAfter, String error, long durationMs) {
	}

	private final Duration timeout;

	private final ThreadPoolExecutor senders;

	private final ExecutorService finishers;

	private final ScheduledExecutorService deadlines;

	private final HttpClient http;

	WebhookSender(WebhookProperties properties) {
		this.timeout = properties.timeout();
		this.senders = new ThreadPoolExecutor(properties.maxInFlight(), properties.maxInFlight(), 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), named("webhook-send-"));
		this.senders.allowCoreThreadTimeOut(true);
		this.finishers = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), named("webhook-"));
		this.deadlines = Executors.newSingleThreadScheduledExecutor(named("webhook-deadlines-"));
		// HTTP/1.1: receivers are plain web apps, and asking each for an h2c upgrade cost
		// time
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.finishers)
			.build();
	}

	/**
	 * Sends the body with these headers; the answer arrives on one of the sender's own
	 * threads, never later than the deadline.
	 */
	CompletableFuture<Answer> send(String url, Map<String, String> headers, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, value) -> {
			if (!name.equals("user-agent")) {
				builder.header(name, value);
			}
		});
		builder.setHeader("User-Agent", USER_AGENT);
		HttpRequest request = builder.build();
		long started = System.nanoTime();
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		Future<?> attempt = this.senders.submit(() -> {
			try {
				HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
				answer.complete(new Answer(response.statusCode(),
						response.headers().firstValue("Retry-After").orElse(null), null, since(started)));
			}
			catch (InterruptedException overdue) {
				Thread.currentThread().interrupt();
			}
			catch (IOException | RuntimeException failure) {
				answer.complete(new Answer(null, null, describe(failure), since(started)));
			}
		});
		// on JDK 17 the request's own timeout ends when the headers arrive; a body that
		// stalls after them would hold the attempt for ever. Interrupting the send aborts
		// the exchange and closes its connection.
		ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
			attempt.cancel(true);
			this.finishers.execute(() -> answer.complete(new Answer(null, null, "timeout", since(started))));
		}, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		answer.whenComplete((done, failure) -> deadline.cancel(false));
		return answer;
	}

	private static long since(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	void shutdown() {
		this.deadlines.shutdownNow();
		this.senders.shutdownNow();
		this.finishers.shutdownNow();
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof HttpConnectTimeoutException) {
			return "connect_timeout";
		}
		if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
			return "timeout";
		}
		if (cause instanceof ConnectException) {
			return "connection_refused";
		}
		if (cause instanceof IOException) {
			return "connection_error";
		}
		return "delivery_error";
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger number = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
