package dev.paymentsimulator.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventRecorded;
import dev.paymentsimulator.live.LiveSubscriber.Message;
import dev.paymentsimulator.webhook.DeliveryAttempt;
import dev.paymentsimulator.webhook.DeliveryRecorded;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Who follows which namespace, and what they are sent: {@code event} with the event as
 * the API shows it, once it is committed, and {@code delivery} with each attempt's
 * outcome. Publishing never blocks the thread that made the change: it queues the message
 * for each subscriber, and a writer thread sends it. A subscriber whose queue is full has
 * stopped reading and is let go; so memory holds at most {@code max-queued} messages per
 * subscriber, and no more writer threads run than subscribers may be open. One let go
 * still counts as open while its writer is stuck in a write to it, so stalled readers
 * cannot take more threads than that either.
 */
@Component
public class LiveStream implements SmartLifecycle {

	/** Long enough to watch a checkout; the dashboard reconnects when it ends. */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

	private static final long PING_SECONDS = 10;

	private final LiveProperties properties;

	private final JsonMapper json;

	private final Map<Namespace, Set<LiveSubscriber>> subscribers = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final ThreadPoolExecutor writers;

	private final ScheduledExecutorService pings;

	private volatile boolean running;

	public LiveStream(LiveProperties properties, JsonMapper json, MeterRegistry registry) {
		this.properties = properties;
		this.json = json;
		AtomicInteger threads = new AtomicInteger();
		this.writers = new ThreadPoolExecutor(properties.maxSubscribers(), properties.maxSubscribers(), 30,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(task) -> daemon(task, "live-stream-" + threads.incrementAndGet()));
		this.writers.allowCoreThreadTimeOut(true);
		this.pings = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "live-stream-ping"));
		this.pings.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
		Gauge.builder("simulator.live.subscribers", this.open, AtomicInteger::get)
			.description("Live streams open")
			.register(registry);
	}

	/**
	 * A new stream of the namespace, opened with a {@code ready} message; refused when as
	 * many as may be are open.
	 */
	public SseEmitter subscribe(Namespace namespace) {
		if (this.open.incrementAndGet() > this.properties.maxSubscribers()) {
			this.open.decrementAndGet();
			// a stream whose reader went away is found by writing to it: look now, so
			// that a retry may find room
			this.pings.execute(this::ping);
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "This simulator has " + this.properties.maxSubscribers()
					+ " live streams open, the most it serves (simulator.live.max-subscribers); close one first.");
		}
		Set<LiveSubscriber> following = this.subscribers.computeIfAbsent(namespace,
				(key) -> ConcurrentHashMap.newKeySet());
		LiveSubscriber subscriber = new LiveSubscriber(new SseEmitter(STREAM_LIFETIME.toMillis()),
				this.properties.maxQueued(), this.writers, following::remove, this.open::decrementAndGet);
		following.add(subscriber);
		subscriber.offer(Message.of(SseEmitter.event()
			.name("ready")
			.data("{\"namespace\":\"" + namespace.name() + "\"}", MediaType.APPLICATION_JSON)));
		return subscriber.emitter();
	}

	/** Streams open on the namespace. */
	public int subscribers(Namespace namespace) {
		Set<LiveSubscriber> following = this.subscribers.get(namespace);
		return (following != null) ? following.size() : 0;
	}

	/** Sent once committed, so that what the dashboard fetches next is there. */
	@TransactionalEventListener(fallbackExecution = true)
	void onEventRecorded(EventRecorded recorded) {
		Event event = recorded.event();
		publish(event.namespace(),
				() -> SseEmitter.event().name("event").id(event.id()).data(event.json(), MediaType.APPLICATION_JSON));
	}

	@EventListener
	void onDeliveryRecorded(DeliveryRecorded recorded) {
		DeliveryAttempt attempt = recorded.attempt();
		publish(recorded.namespace(),
				() -> SseEmitter.event()
					.name("delivery")
					.id(attempt.id())
					.data(this.json.writeValueAsString(DeliveryNotice.of(attempt)), MediaType.APPLICATION_JSON));
	}

	private void publish(Namespace namespace, Supplier<SseEventBuilder> message) {
		Set<LiveSubscriber> following = this.subscribers.get(namespace);
		if (following == null || following.isEmpty()) {
			return;
		}
		Message built = Message.of(message.get());
		following.forEach((subscriber) -> subscriber.offer(built));
	}

	/** A comment line now and then finds streams whose reader went away. */
	private void ping() {
		Message ping = Message.of(SseEmitter.event().comment("ping"));
		this.subscribers.values().forEach((following) -> following.forEach((subscriber) -> subscriber.offer(ping)));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown begins, which would
	 * otherwise wait for them; stopped before it, as its phase is later. A stopped
	 * context may start again (tests pause cached ones), so the threads stay.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.subscribers.values().forEach((following) -> following.forEach(LiveSubscriber::end));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@PreDestroy
	void close() {
		this.pings.shutdownNow();
		this.writers.shutdown();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
