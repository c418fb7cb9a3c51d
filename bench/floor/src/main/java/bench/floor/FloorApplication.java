package bench.floor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle's floor: the least any simulator built on this stack does for the benchmark's
 * lifecycle. It parses each call's JSON, answers a payment-shaped JSON with the status the
 * script reads, and sends each of the call's events to one receiver as a signed webhook
 * through Jetty's client, as the simulator does, 64 connections at most. Nothing else: no
 * store, keys, idempotency, validation, delivery log, access log or metrics.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

	record CreatePayment(Long amount, String currency, String captureMethod, String description,
			Map<String, String> metadata, Object paymentMethod, Boolean confirm, String returnUrl) {
	}

	record Capture(Long amount) {
	}

	record CreateRefund(Long amount, String reason, Map<String, String> metadata) {
	}

	record PaymentView(String id, String object, long created, boolean livemode, long amount, String currency,
			String status, String captureMethod, long amountCapturable, long amountReceived, long amountRefunded,
			String clientSecret, String description, Map<String, String> metadata, Object paymentMethod,
			Object lastError, Object nextAction, String cancellationReason, List<Object> refunds) {
	}

	record RefundView(String id, String object, long created, String payment, long amount, String currency,
			String status, String reason, Map<String, String> metadata) {
	}

	record Event(String id, String object, String type, long created, Map<String, Object> data) {
	}

	private static final byte[] SECRET = "whsec_floor_benchmark_only".getBytes(StandardCharsets.UTF_8);

	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private final AtomicLong ids = new AtomicLong();

	private final JsonMapper json;

	private final String hooksUrl;

	private final HttpClient http;

	FloorApplication(JsonMapper json, @Value("${floor.hooks-url}") String hooksUrl) throws Exception {
		this.json = json;
		this.hooksUrl = hooksUrl;
		QueuedThreadPool threads = new QueuedThreadPool(16, 2);
		threads.setName("webhook-http");
		threads.setDaemon(true);
		this.http = new HttpClient();
		this.http.setExecutor(threads);
		this.http.setMaxConnectionsPerDestination(64);
		this.http.setMaxRequestsQueuedPerDestination(1_000_000);
		this.http.setUserAgentField(null);
		this.http.start();
	}

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

	@GetMapping("/health")
	Map<String, String> health() {
		return Map.of("status", "ok");
	}

	@PostMapping("/v1/payments")
	ResponseEntity<PaymentView> create(@RequestBody CreatePayment request) {
		String id = "pay_floor" + this.ids.incrementAndGet();
		PaymentView payment = payment(id, request.amount(), request.currency(), "authorized");
		send("payment.created", payment);
		send("payment.authorized", payment);
		return ResponseEntity.status(201).header("Location", "/v1/payments/" + id).body(payment);
	}

	@PostMapping("/v1/payments/{id}/capture")
	PaymentView capture(@PathVariable String id, @RequestBody Capture request) {
		PaymentView payment = payment(id, request.amount(), "usd", "captured");
		send("payment.captured", payment);
		return payment;
	}

	@PostMapping("/v1/payments/{id}/refunds")
	ResponseEntity<RefundView> refund(@PathVariable String id, @RequestBody CreateRefund request) {
		String refundId = "re_floor" + this.ids.incrementAndGet();
		RefundView refund = new RefundView(refundId, "refund", now(), id, request.amount(), "usd", "succeeded",
				request.reason(), (request.metadata() != null) ? request.metadata() : Map.of());
		send("refund.succeeded", refund);
		return ResponseEntity.status(201).header("Location", "/v1/refunds/" + refundId).body(refund);
	}

	private PaymentView payment(String id, long amount, String currency, String status) {
		return new PaymentView(id, "payment", now(), false, amount, currency, status, "manual", amount, 0, 0,
				id + "_secret_floor", null, Map.of(), Map.of("type", "card", "card", Map.of("last4", "4242")), null,
				null, null, List.of());
	}

	private void send(String type, Object object) {
		String eventId = "evt_floor" + this.ids.incrementAndGet();
		long timestamp = now();
		String body = this.json
			.writeValueAsString(new Event(eventId, "event", type, timestamp, Map.of("object", object)));
		byte[] signature = MACS.get()
			.doFinal((eventId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		this.http.newRequest(this.hooksUrl)
			.method(HttpMethod.POST)
			.timeout(10, TimeUnit.SECONDS)
			.headers((fields) -> fields.put("webhook-id", eventId)
				.put("webhook-timestamp", Long.toString(timestamp))
				.put("webhook-signature", "v1," + Base64.getEncoder().encodeToString(signature)))
			.body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
			.send((result) -> {
			});
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

}
