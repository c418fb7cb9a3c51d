package dev.paymentsimulator.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paymentsimulator.account.Namespace;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.event.EventRecorded;
import dev.paymentsimulator.event.EventsDropped;
import dev.paymentsimulator.simulator.ClockAdvanced;
import dev.paymentsimulator.simulator.IdGenerator;
import dev.paymentsimulator.simulator.SimulatorClock;
import dev.paymentsimulator.simulator.Transactions;
import dev.paymentsimulator.webhook.Deliveries.Pending;
import dev.paymentsimulator.webhook.Deliveries.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends events to their receivers, signed per Standard Webhooks, off the request thread.
 * Recording an event puts its deliveries in the outbox, in the same transaction as the
 * change; once that commits they are claimed and sent. Attempts are prepared on a bounded
 * executor and sent with the JDK's asynchronous {@link HttpClient}, so a receiver that
 * hangs holds no thread. A failed attempt is owed again on the namespace's simulated
 * clock; nothing is dropped, and an attempt that finds the executor full is recorded and
 * retried like any other failure. Any instance sharing the store may send what is owed.
 */
@Component
class WebhookDispatcher implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final String USER_AGENT = "PaymentSimulator-Webhooks/1";

	/** How many owed deliveries one claim takes. */
	private static final int CLAIM_BATCH = 64;

	private final WebhookProperties properties;

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	private final WebhookSecrets secrets;

	private final EventLog events;

	private final SimulatorClock clock;

	private final Clock realClock;

	private final IdGenerator ids;

	private final ThreadPoolExecutor executor;

	private final HttpClient http;

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private final Transactions transactions;

	private volatile boolean running;

	private final MeterRegistry registry;

	private final Timer latency;

	WebhookDispatcher(WebhookProperties properties, WebhookEndpoints endpoints, Deliveries deliveries,
			WebhookSecrets secrets, EventLog events, SimulatorClock clock, Clock realClock, IdGenerator ids,
			Transactions transactions, MeterRegistry registry) {
		this.registry = registry;
		this.latency = Timer.builder("simulator.webhook.delivery.duration")
			.description("Time from sending a webhook to its answer or failure")
			.publishPercentileHistogram()
			.register(registry);
		Gauge.builder("simulator.webhook.retry.backlog", deliveries, Deliveries::owed)
			.description("Deliveries owed and not yet made, over all namespaces")
			.register(registry);
		this.properties = properties;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
		this.realClock = realClock;
		this.ids = ids;
		this.transactions = transactions;
		AtomicInteger threadNumber = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()), (task) -> {
					Thread thread = new Thread(task, "webhook-" + threadNumber.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		// HTTP/1.1: receivers are plain web apps, and asking each for an h2c upgrade cost
		// time
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Owes the event to each of its receivers; runs inside the change's transaction, and
	 * sending starts, off the request thread, once it commits.
	 */
	@EventListener
	void onEventRecorded(EventRecorded recorded) {
		Event event = recorded.event();
		List<Target> targets = targets(event);
		for (Target target : targets) {
			this.deliveries.schedule(event.namespace(), event.created(), event.id(), target, 1);
		}
		if (!targets.isEmpty()) {
			this.transactions.afterCommit(() -> sendOwedSoon(event.namespace()));
		}
	}

	/**
	 * Sends what is owed from a dispatcher thread. The change is committed by now, so
	 * nothing here may fail the request: if the executor is full or sending fails, the
	 * deliveries stay owed and the next look finds them.
	 */
	private void sendOwedSoon(Namespace namespace) {
		try {
			this.executor.execute(() -> {
				try {
					sendOwed(namespace);
				}
				catch (RuntimeException ex) {
					log.warn("Could not send the deliveries owed in {} now; the next look will", namespace, ex);
				}
			});
		}
		catch (RejectedExecutionException busy) {
			// the next look, within a second, sends them
		}
	}

	/** Sends the event once more, now, to every receiver it goes to. */
	void redeliver(Event event) {
		Namespace namespace = event.namespace();
		List<DeliveryAttempt> attempts = this.deliveries.attempts(namespace, event.id());
		Instant now = this.clock.now(namespace);
		for (Target target : targets(event)) {
			int made = (int) attempts.stream().filter((attempt) -> isFor(attempt, target)).count();
			this.deliveries.schedule(namespace, now, event.id(), target, made + 1);
		}
		sendOwed(namespace);
	}

	@EventListener
	void onEventsDropped(EventsDropped dropped) {
		this.deliveries.dropEvents(dropped.namespace(), dropped.eventIds());
	}

	@EventListener
	void onClockAdvanced(ClockAdvanced advanced) {
		sendOwed(advanced.namespace());
	}

	/**
	 * Looks each second for deliveries owed: retries that a clock following real time
	 * made due, and, in a shared store, deliveries another instance owed and could not
	 * send.
	 */
	@Scheduled(fixedDelay = 1000)
	void sendOwedEverywhere() {
		for (Namespace namespace : this.deliveries.namespacesOwed()) {
			sendOwed(namespace);
		}
	}

	private void sendOwed(Namespace namespace) {
		Instant now = this.clock.now(namespace);
		List<Pending> claimed;
		do {
			claimed = this.deliveries.claimDue(namespace, now, CLAIM_BATCH);
			for (Pending pending : claimed) {
				Optional<Event> event = this.events.find(namespace, pending.eventId());
				if (event.isEmpty() || alreadyMade(namespace, pending)) {
					this.deliveries.release(namespace, pending);
				}
				else {
					submit(event.get(), pending);
				}
			}
		}
		while (claimed.size() == CLAIM_BATCH);
	}

	private List<Target> targets(Event event) {
		List<Target> targets = new ArrayList<>();
		for (WebhookEndpoint endpoint : this.endpoints.all(event.namespace())) {
			if (endpoint.accepts(event.type())) {
				targets.add(new Target(endpoint.url(), endpoint.id()));
			}
		}
		if (event.webhookUrl() != null) {
			targets.add(new Target(event.webhookUrl(), null));
		}
		return targets;
	}

	private void submit(Event event, Pending pending) {
		try {
			track(CompletableFuture.runAsync(() -> send(event, pending), this.executor));
		}
		catch (RejectedExecutionException ex) {
			Instant now = this.clock.now(event.namespace());
			settle(event, pending, null, "dispatcher_busy", 0, now, Map.of(), null,
					nextAttempt(event.namespace(), pending.attempt(), null, now));
		}
	}

	private void send(Event event, Pending pending) {
		Namespace namespace = event.namespace();
		Target target = pending.target();
		Instant now = this.clock.now(namespace);
		List<String> signingSecrets;
		if (target.endpointId() != null) {
			Optional<WebhookEndpoint> endpoint = this.endpoints.find(namespace, target.endpointId());
			if (endpoint.isEmpty() || endpoint.get().disabled()) {
				this.deliveries.release(namespace, pending);
				return;
			}
			signingSecrets = endpoint.get().signingSecrets(now);
		}
		else {
			signingSecrets = List.of(this.secrets.defaultSecret(namespace));
		}
		long timestamp = this.realClock.instant().getEpochSecond();
		String body = event.json();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("content-type", "application/json");
		headers.put("user-agent", USER_AGENT);
		headers.put("webhook-id", event.id());
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", WebhookSigner.header(signingSecrets, event.id(), timestamp, body));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
			.timeout(this.properties.timeout())
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, value) -> {
			if (!name.equals("user-agent")) {
				request.header(name, value);
			}
		});
		request.setHeader("User-Agent", USER_AGENT);
		long started = System.nanoTime();
		track(this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> {
				try {
					long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
					finish(event, pending, response, failure, durationMs, headers, body);
				}
				catch (RuntimeException ex) {
					log.error("Could not record webhook attempt {} for event {}", pending.attempt(), event.id(), ex);
				}
			}));
	}

	/** Keeps an attempt in sight until it is over, so stopping can wait for it. */
	private void track(CompletableFuture<?> attempt) {
		this.inFlight.add(attempt);
		attempt.whenComplete((result, failure) -> this.inFlight.remove(attempt));
	}

	private void finish(Event event, Pending pending, HttpResponse<Void> response, Throwable failure, long durationMs,
			Map<String, String> headers, String body) {
		Namespace namespace = event.namespace();
		Target target = pending.target();
		Instant now = this.clock.now(namespace);
		Integer status = (response != null) ? response.statusCode() : null;
		String error = (failure != null) ? describe(failure) : (status >= 200 && status < 300) ? null
				: (status >= 300 && status < 400) ? "redirect_not_followed" : "unexpected_status";
		Instant next = null;
		if (status != null && status == 410 && target.endpointId() != null) {
			this.endpoints.update(namespace, target.endpointId(),
					(endpoint) -> endpoint.withSettings(endpoint.url(), endpoint.enabledEvents(), true));
			error = "gone_endpoint_disabled";
		}
		else if (error != null) {
			next = nextAttempt(namespace, pending.attempt(), retryAfter(response), now);
		}
		settle(event, pending, status, error, durationMs, now, headers, body, next);
		this.latency.record(durationMs, TimeUnit.MILLISECONDS);
		this.registry
			.counter("simulator.webhook.deliveries", "result",
					(error == null) ? "delivered" : (next != null) ? "retrying" : "given_up")
			.increment();
	}

	private void settle(Event event, Pending pending, Integer status, String error, long durationMs, Instant now,
			Map<String, String> headers, String body, Instant next) {
		Namespace namespace = event.namespace();
		Target target = pending.target();
		this.deliveries.settle(namespace, pending,
				new DeliveryAttempt(this.ids.newId(namespace, "whd_"), event.id(), target.endpointId(), target.url(),
						pending.attempt(), status, error, durationMs, next, now, body,
						Collections.unmodifiableMap(headers)),
				next);
	}

	/**
	 * When to try again after {@code attempt} failed; {@code null} once the schedule is
	 * spent.
	 */
	private Instant nextAttempt(Namespace namespace, int attempt, Duration retryAfter, Instant now) {
		List<Duration> delays = this.properties.retryDelays();
		if (attempt > delays.size()) {
			return null;
		}
		if (retryAfter != null) {
			Duration longest = delays.stream().max(Duration::compareTo).orElse(retryAfter);
			return wholeSecondAfter(now.plus((retryAfter.compareTo(longest) > 0) ? longest : retryAfter));
		}
		Duration delay = delays.get(attempt - 1);
		double spread = this.properties.jitter() * (2 * this.ids.randomFraction(namespace, "webhook_jitter") - 1);
		return wholeSecondAfter(now.plusMillis(Math.round(delay.toMillis() * (1 + spread))));
	}

	/**
	 * The API shows {@code next_attempt_at} in whole seconds; due times are whole seconds
	 * too, so advancing the clock to the shown second always fires the retry.
	 */
	private static Instant wholeSecondAfter(Instant instant) {
		Instant second = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		return second.equals(instant) ? second : second.plusSeconds(1);
	}

	/** {@code Retry-After} on 429 and 503, in seconds or as an HTTP date. */
	private Duration retryAfter(HttpResponse<Void> response) {
		if (response == null || (response.statusCode() != 429 && response.statusCode() != 503)) {
			return null;
		}
		Optional<String> header = response.headers().firstValue("Retry-After");
		if (header.isEmpty()) {
			return null;
		}
		String value = header.get().trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.realClock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * Whether this attempt number was made already for the target: a redelivery made it
	 * while the retry was owed, or another instance whose claim lapsed did.
	 */
	private boolean alreadyMade(Namespace namespace, Pending pending) {
		return this.deliveries.attempts(namespace, pending.eventId())
			.stream()
			.filter((attempt) -> isFor(attempt, pending.target()))
			.count() >= pending.attempt();
	}

	private static boolean isFor(DeliveryAttempt attempt, Target target) {
		return attempt.url().equals(target.url())
				&& java.util.Objects.equals(attempt.endpointId(), target.endpointId());
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

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * On shutdown, lets attempts already under way finish (each is bounded by the total
	 * timeout) before the process exits. The executor itself lives on until
	 * {@link #destroy()}: a stopped context may be started again.
	 */
	@Override
	public void stop() {
		this.running = false;
		long deadline = System.nanoTime() + this.properties.timeout().plusSeconds(1).toNanos();
		try {
			while (!this.inFlight.isEmpty() && System.nanoTime() < deadline) {
				CompletableFuture.allOf(this.inFlight.toArray(CompletableFuture[]::new))
					.exceptionally((failure) -> null)
					.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("{} webhook attempts were still running at shutdown", this.inFlight.size());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the web server, which stops taking requests first. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
