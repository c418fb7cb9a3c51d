package dev.paymentsimulator.event.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ListPage;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.common.RawJson;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.payment.PaymentEventType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/events")
class EventController {

	static final long MAX_WAIT_MS = 30_000;

	static final long DEFAULT_WAIT_MS = 10_000;

	private final EventLog events;

	EventController(EventLog events) {
		this.events = events;
	}

	@GetMapping
	ListPage<RawJson> list(@RequestParam(required = false) String type, @RequestParam(required = false) String payment,
			@RequestParam(required = false) Integer limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter, Namespace namespace) {
		return this.events.list(namespace, PageRequest.of(limit, startingAfter), type(type), payment)
			.toPage("/v1/events")
			.map((event) -> new RawJson(event.json()));
	}

	@GetMapping("/{id}")
	RawJson get(@PathVariable String id, Namespace namespace) {
		return new RawJson(find(namespace, id).json());
	}

	/** Long-polls for an event so tests need no polling loop of their own. */
	@ProblemAnswers({ ErrorCode.PARAMETER_INVALID, ErrorCode.TIMEOUT })
	@GetMapping("/wait")
	CompletableFuture<RawJson> await(@RequestParam(required = false) String type,
			@RequestParam(required = false) String payment,
			@Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "" + MAX_WAIT_MS,
					defaultValue = "" + DEFAULT_WAIT_MS)) @RequestParam(name = "timeout_ms",
							required = false) Long timeoutMs,
			Namespace namespace) {
		long wait = (timeoutMs != null) ? timeoutMs : DEFAULT_WAIT_MS;
		if (wait < 0 || wait > MAX_WAIT_MS) {
			throw ApiException.invalid("timeout_ms", "timeout_ms must be between 0 and " + MAX_WAIT_MS + ".");
		}
		return this.events.await(namespace, type(type), payment, Duration.ofMillis(wait))
			.thenApply((found) -> found.map((event) -> new RawJson(event.json()))
				.orElseThrow(() -> new ApiException(ErrorCode.TIMEOUT, "No matching event within " + wait + " ms.")));
	}

	private Event find(Namespace namespace, String id) {
		return this.events.get(namespace, id);
	}

	private static String type(String type) {
		if (type == null || type.isEmpty()) {
			return null;
		}
		if (PaymentEventType.fromValue(type).isEmpty()) {
			throw ApiException.invalid("type", "type must be an event type such as payment.captured.");
		}
		return type;
	}

}
