package dev.paymentsimulator.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.webhook.Deliveries.Pending;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves owed deliveries from the outbox to the sender, as many as the caps on attempts in
 * flight allow: what is over a cap stays in the outbox, holding no thread or socket, and
 * goes out as soon as an attempt ends and frees its slot. One pass runs at a time; passes
 * asked for while one runs fold into the next. New events ask for a pass on the pump's
 * thread; an attempt that ends makes the pass itself, on the thread that recorded it: in
 * the webhook bench that delivered 0.88 of the events made under load against 0.73 with a
 * hand-over to the pump's thread.
 */
final class OutboxPump {

	private static final Logger log = LoggerFactory.getLogger(OutboxPump.class);

	/** How many owed deliveries one claim takes at most. */
	private static final int CLAIM_BATCH = 64;

	private final Deliveries deliveries;

	private final SignedRequests requests;

	private final SimulatorClock clock;

	private final WebhookSender sender;

	private final DeliveryRecorder recorder;

	private final DeliverySlots slots;

	private final ExecutorService pumpThread;

	private final AtomicBoolean passAsked = new AtomicBoolean();

	private final AtomicBoolean passing = new AtomicBoolean();

	/** Set while the service stops: attempts under way finish, no new one starts. */
	private volatile boolean stopped;

	private final Set<CompletableFuture<?>> underWay = ConcurrentHashMap.newKeySet();

	OutboxPump(WebhookProperties properties, Deliveries deliveries, SignedRequests requests, SimulatorClock clock,
			WebhookSender sender, DeliveryRecorder recorder, MeterRegistry registry) {
		this.deliveries = deliveries;
		this.requests = requests;
		this.clock = clock;
		this.sender = sender;
		this.recorder = recorder;
		this.slots = new DeliverySlots(properties.maxInFlight(), properties.maxInFlightPerEndpoint());
		this.pumpThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "webhook-pump");
			thread.setDaemon(true);
			return thread;
		});
		Gauge.builder("simulator.webhook.retry.backlog", deliveries, Deliveries::owed)
			.description("Deliveries owed and not yet made, over all namespaces")
			.register(registry);
		Gauge.builder("simulator.webhook.in.flight", this.slots, DeliverySlots::inFlight)
			.description("Webhook attempts under way")
			.register(registry);
	}

	/**
	 * Asks for a pass over every namespace's owed deliveries, soon, on the pump's thread.
	 */
	void pump() {
		if (!this.stopped && !this.passAsked.getAndSet(true)) {
			try {
				this.pumpThread.execute(this::passWhileAsked);
			}
			catch (RejectedExecutionException stopped) {
				// shutting down: what is owed stays in the outbox
			}
		}
	}

	/** Makes the pass asked for here and now, unless another thread is making one. */
	private void pumpHere() {
		this.passAsked.set(true);
		passWhileAsked();
	}

	private void passWhileAsked() {
		// the outer check catches a pass asked for just as the last one ended
		while (!this.stopped && this.passAsked.get() && this.passing.compareAndSet(false, true)) {
			try {
				while (!this.stopped && this.passAsked.getAndSet(false)) {
					pass();
				}
			}
			finally {
				this.passing.set(false);
			}
		}
	}

	/**
	 * Claims what is due, over every namespace at once, for as many slots as are free; a
	 * delivery over a cap stays owed, and the attempt that ends and frees its slot asks
	 * for the next pass.
	 */
	private void pass() {
		try {
			while (!this.stopped) {
				int wanted = Math.min(this.slots.free(), CLAIM_BATCH);
				if (wanted == 0) {
					return;
				}
				List<Pending> claimed = this.deliveries.claimDue(this.clock, wanted, this.slots.fullTargets());
				for (Pending pending : claimed) {
					start(pending);
				}
				if (claimed.size() < wanted) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not send the deliveries owed now; the next look will", ex);
		}
	}

	private void start(Pending pending) {
		Namespace namespace = pending.namespace();
		String key = pending.target().key();
		if (!this.slots.tryTake(key)) {
			this.deliveries.unclaim(namespace, pending);
			return;
		}
		Optional<SignedRequests.Request> request;
		try {
			request = this.requests.forDelivery(pending);
		}
		catch (RuntimeException ex) {
			this.slots.giveBack(key);
			this.deliveries.unclaim(namespace, pending);
			throw ex;
		}
		if (request.isEmpty()) {
			this.slots.giveBack(key);
			this.deliveries.release(namespace, pending);
			return;
		}
		SignedRequests.Request sent = request.get();
		CompletableFuture<?> attempt = this.sender.send(pending.target().url(), sent.headers(), sent.body())
			.thenAccept((answer) -> this.recorder.record(sent.event(), pending, answer, sent.headers(), sent.body()));
		this.underWay.add(attempt);
		attempt.whenComplete((done, failure) -> {
			if (failure != null) {
				log.error("Could not record webhook attempt {} for event {}", pending.attempt(), pending.eventId(),
						failure);
			}
			this.underWay.remove(attempt);
			this.slots.giveBack(key);
			pumpHere();
		});
	}

	/**
	 * Starts no new attempt, and waits until those under way have ended, at most until
	 * {@code deadline}: what is still owed stays in the outbox.
	 */
	void stop(long deadlineNanos) throws InterruptedException {
		this.stopped = true;
		while (!this.underWay.isEmpty() && System.nanoTime() < deadlineNanos) {
			try {
				CompletableFuture.allOf(this.underWay.toArray(CompletableFuture[]::new))
					.exceptionally((failure) -> null)
					.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				log.warn("{} webhook attempts were still running at shutdown", this.underWay.size());
				return;
			}
		}
	}

	/** Takes up passes again after {@link #stop}, for a context started again. */
	void resume() {
		this.stopped = false;
		pump();
	}

	void shutdown() {
		this.pumpThread.shutdownNow();
		this.sender.shutdown();
	}

}
