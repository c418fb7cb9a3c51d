package dev.paymentsimulator.simulator;

import java.time.ZoneOffset;
import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.payment.CaptureMethod;
import dev.paymentsimulator.payment.NewPayment;
import dev.paymentsimulator.payment.Payment;
import dev.paymentsimulator.payment.PaymentDeclinedException;
import dev.paymentsimulator.payment.PaymentEventType;
import dev.paymentsimulator.payment.PaymentInputs;
import dev.paymentsimulator.payment.PaymentMethodInput;
import dev.paymentsimulator.payment.PaymentService;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * Produces any event on demand by walking a new payment through the same moves a client
 * would make, so state, events and webhooks are all real and consistent.
 */
@Service
public class TriggerService {

	private static final PaymentMethodInput VISA = new PaymentMethodInput.Token("pm_card_visa");

	private static final PaymentMethodInput DECLINED = new PaymentMethodInput.Token("pm_card_visa_chargeDeclined");

	private static final PaymentMethodInput THREE_D_SECURE = new PaymentMethodInput.Token(
			"pm_card_threeDSecureRequired");

	private final PaymentService payments;

	private final EventLog events;

	private final SimulatorClock clock;

	TriggerService(PaymentService payments, EventLog events, SimulatorClock clock) {
		this.payments = payments;
		this.events = events;
		this.clock = clock;
	}

	/** What the caller may set on the payment the trigger creates. */
	public record Overrides(
			@Schema(minimum = "" + PaymentInputs.MIN_AMOUNT, maximum = "" + PaymentInputs.MAX_AMOUNT) Long amount,
			String currency, Map<String, String> metadata, @Schema(allowableValues = {
					"automatic", "manual" }) String captureMethod,
			String description){

		public static final Overrides NONE = new Overrides(null, null, null, null, null);

	}

	public record Triggered(Event event, Payment payment) {
	}

	public Triggered trigger(Namespace namespace, String eventType, Overrides overrides, String pagesBaseUrl) {
		PaymentEventType type = PaymentEventType.fromValue(eventType)
			.orElseThrow(() -> ApiException.invalid("event", "event must be an event type such as payment.captured."));
		CaptureMethod captureMethod = captureMethod(type, overrides.captureMethod());
		NewPayment request = new NewPayment((overrides.amount() != null) ? overrides.amount() : 2000,
				(overrides.currency() != null) ? overrides.currency() : "usd", captureMethod, overrides.description(),
				(overrides.metadata() != null) ? overrides.metadata() : Map.of(), null, false, null, pagesBaseUrl);
		Payment payment = this.payments.create(namespace, request);
		String id = payment.id();
		payment = switch (type) {
			case CREATED -> payment;
			case REQUIRES_ACTION -> confirm(namespace, id, THREE_D_SECURE, pagesBaseUrl);
			case PROCESSING -> confirm(namespace, id, processingCard(namespace), pagesBaseUrl);
			case AUTHORIZED, SUCCEEDED -> confirm(namespace, id, VISA, pagesBaseUrl);
			case FAILED -> confirm(namespace, id, DECLINED, pagesBaseUrl);
			case CAPTURED -> {
				confirm(namespace, id, VISA, pagesBaseUrl);
				yield this.payments.capture(namespace, id, null);
			}
			case CANCELED -> this.payments.cancel(namespace, id, "requested_by_customer");
			case REFUNDED -> {
				confirm(namespace, id, VISA, pagesBaseUrl);
				this.payments.refund(namespace, id, null, "requested_by_customer", Map.of());
				yield this.payments.get(namespace, id);
			}
		};
		Event event = this.events.list(namespace, PageRequest.of(1, null), type.value(), id)
			.items()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Walking to " + type.value() + " wrote no such event"));
		return new Triggered(event, payment);
	}

	private Payment confirm(Namespace namespace, String id, PaymentMethodInput card, String pagesBaseUrl) {
		try {
			return this.payments.confirm(namespace, id, card, null, null, pagesBaseUrl);
		}
		catch (PaymentDeclinedException declined) {
			return this.payments.get(namespace, id);
		}
	}

	private PaymentMethodInput processingCard(Namespace namespace) {
		int year = this.clock.now(namespace).atOffset(ZoneOffset.UTC).getYear() + 3;
		return new PaymentMethodInput.RawCard("4000000000000077", 12, year, null);
	}

	/**
	 * Holding money needs manual capture and taking it at once automatic; else the caller
	 * chooses.
	 */
	private static CaptureMethod captureMethod(PaymentEventType type, String asked) {
		CaptureMethod required = switch (type) {
			case AUTHORIZED -> CaptureMethod.MANUAL;
			case SUCCEEDED -> CaptureMethod.AUTOMATIC;
			default -> null;
		};
		if (asked == null) {
			return (required != null) ? required : CaptureMethod.AUTOMATIC;
		}
		if (!asked.equals("automatic") && !asked.equals("manual")) {
			throw ApiException.invalid("payment.capture_method", "capture_method must be automatic or manual.");
		}
		CaptureMethod chosen = CaptureMethod.fromValue(asked);
		if (required != null && chosen != required) {
			throw ApiException.invalid("payment.capture_method",
					type.value() + " needs capture_method " + required.value() + ".");
		}
		return chosen;
	}

}
