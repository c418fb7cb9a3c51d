package dev.paymentsimulator.payment;

import java.util.List;
import java.util.Map;

/** The payment as the contract shows it; field order is the contract's. */
public record PaymentView(String id, String object, long created, boolean livemode, long amount, String currency,
		String status, String captureMethod, long amountCapturable, long amountReceived, long amountRefunded,
		String clientSecret, String description, Map<String, String> metadata, PaymentMethodView paymentMethod,
		ErrorView lastError, NextActionView nextAction, String cancellationReason, List<RefundView> refunds) {

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

	record PaymentMethodView(String type, CardView card) {

		static PaymentMethodView of(Card card) {
			return (card != null) ? new PaymentMethodView("card",
					new CardView(card.brand(), card.last4(), card.expMonth(), card.expYear(), card.fingerprint()))
					: null;
		}

	}

	record CardView(String brand, String last4, int expMonth, int expYear, String fingerprint) {
	}

	record ErrorView(String code, String declineCode, String message) {

		static ErrorView of(PaymentError error) {
			return (error != null) ? new ErrorView(error.code().value(), error.declineCode(), error.message()) : null;
		}

	}

	record NextActionView(String type, RedirectView redirectToUrl) {

		static NextActionView of(NextAction action) {
			return (action != null)
					? new NextActionView("redirect_to_url", new RedirectView(action.url(), action.returnUrl())) : null;
		}

	}

	record RedirectView(String url, String returnUrl) {
	}

}
