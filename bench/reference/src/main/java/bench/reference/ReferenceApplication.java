package bench.reference;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor: parses the same create body as the simulator and answers a payment-shaped
 * JSON, with no state, no validation beyond binding, no filters of its own.
 */
@SpringBootApplication
@RestController
public class ReferenceApplication {

	record CreatePayment(Long amount, String currency, String captureMethod, String description,
			Map<String, String> metadata, Object paymentMethod, Boolean confirm, String returnUrl) {
	}

	record PaymentView(String id, String object, long created, boolean livemode, long amount, String currency,
			String status, String captureMethod, long amountCapturable, long amountReceived, long amountRefunded,
			String clientSecret, String description, Map<String, String> metadata, Object paymentMethod,
			Object lastError, Object nextAction, String cancellationReason, List<Object> refunds) {
	}

	public static void main(String[] args) {
		SpringApplication.run(ReferenceApplication.class, args);
	}

	@GetMapping("/health")
	Map<String, String> health() {
		return Map.of("status", "ok");
	}

	private final AtomicLong hooksReceived = new AtomicLong();

	/** Doubles as the fast webhook receiver in the benchmark. */
	@PostMapping("/hooks")
	ResponseEntity<Void> hook(@RequestBody String body) {
		this.hooksReceived.incrementAndGet();
		return ResponseEntity.noContent().build();
	}

	/** How many webhooks {@code /hooks} received, for the benchmark to compare with events made. */
	@GetMapping("/hooks/count")
	long hooksReceived() {
		return this.hooksReceived.get();
	}

	@PostMapping("/v1/payments")
	ResponseEntity<PaymentView> create(@RequestBody CreatePayment request) {
		String id = "pay_reference0000000000000";
		return ResponseEntity.status(201)
			.header("Location", "/v1/payments/" + id)
			.body(new PaymentView(id, "payment", System.currentTimeMillis() / 1000, false, request.amount(),
					request.currency(), "created", (request.captureMethod() != null) ? request.captureMethod() : "automatic",
					0, 0, 0, id + "_secret_reference", request.description(),
					(request.metadata() != null) ? request.metadata() : Map.of(), null, null, null, null, List.of()));
	}

}
