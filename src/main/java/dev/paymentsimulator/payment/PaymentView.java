package dev.paymentsimulator.payment;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The payment as the contract shows it; field order is the contract's. Every field is
 * always written, {@code null} where the payment has no value; the OpenAPI document says
 * so ({@code required}, {@code nullable}) and lists the closed sets.
 */
@Schema(name = "Payment",
		requiredProperties = { "id", "object", "created", "livemode", "amount", "currency", "status", "capture_method",
				"amount_capturable", "amount_received", "amount_refunded", "client_secret", "description", "metadata",
				"payment_method", "last_error", "next_action", "cancellation_reason", "refunds" })
public record PaymentView(String id, @Schema(allowableValues = "payment") String object,
		@Schema(description = "Unix seconds on the namespace's simulated clock") long created, boolean livemode,
		@Schema(description = "In the currency's minor unit") long amount, String currency, @Schema(allowableValues = {
				"created", "requires_action", "processing", "authorized", "succeeded", "captured", "failed",
				"partially_refunded", "refunded", "canceled" }) String status,
		@Schema(allowableValues = { "automatic", "manual" }) String captureMethod, long amountCapturable,
		long amountReceived, long amountRefunded, String clientSecret,
		@Schema(nullable = true) @Nullable String description, Map<String, String> metadata,
		@Schema(nullable = true) @Nullable PaymentMethodView paymentMethod,
		@Schema(nullable = true) @Nullable ErrorView lastError,
		@Schema(nullable = true) @Nullable NextActionView nextAction,
		@Schema(nullable = true) @Nullable String cancellationReason, List<RefundView> refunds){

	/** Without the client secret, which lets a browser confirm the payment. */
	@Override
	public String toString() {
		return "PaymentView[id=" + this.id + ", status=" + this.status + ", client_secret=redacted]";
	}

	public static PaymentView of(Payment payment) {
		return new PaymentView(payment.id(), "payment", payment.created().getEpochSecond(), false, payment.amount(),
				payment.currency(), payment.status().value(), payment.captureMethod().value(),
				payment.amountCapturable(), payment.amountReceived(), payment.amountRefunded(), payment.clientSecret(),
				payment.description(), payment.metadata(), PaymentMethodView.of(payment.card()),
				ErrorView.of(payment.lastError()), NextActionView.of(payment.nextAction()),
				payment.cancellationReason(), payment.refunds().stream().map(RefundView::of).toList());
	}

	@Schema(name = "PaymentMethod", requiredProperties = { "type", "card" })
	record PaymentMethodView(@Schema(allowableValues = "card") String type, CardView card) {

		static PaymentMethodView of(Card card) {
			return (card != null) ? new PaymentMethodView("card",
					new CardView(card.brand(), card.last4(), card.expMonth(), card.expYear(), card.fingerprint()))
					: null;
		}

	}

	@Schema(name = "Card", requiredProperties = { "brand", "last4", "exp_month", "exp_year", "fingerprint" })
	record CardView(String brand, String last4, int expMonth, int expYear, String fingerprint) {
	}

	@Schema(name = "PaymentError", requiredProperties = { "code", "decline_code", "message" })
	record ErrorView(String code, @Schema(nullable = true) @Nullable String declineCode, String message) {

		static ErrorView of(PaymentError error) {
			return (error != null) ? new ErrorView(error.code().value(), error.declineCode(), error.message()) : null;
		}

	}

	@Schema(name = "NextAction", requiredProperties = { "type", "redirect_to_url" })
	record NextActionView(@Schema(allowableValues = "redirect_to_url") String type, RedirectView redirectToUrl) {

		static NextActionView of(NextAction action) {
			return (action != null)
					? new NextActionView("redirect_to_url", new RedirectView(action.url(), action.returnUrl())) : null;
		}

	}

	@Schema(name = "Redirect", requiredProperties = { "url", "return_url" })
	record RedirectView(String url, @Schema(nullable = true) @Nullable String returnUrl) {
	}

}
