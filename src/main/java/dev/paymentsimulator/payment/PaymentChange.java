package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a {@link Payment} being edited: the only place a payment's changing fields
 * are ever set. What never changes (id, amount, currency, metadata …) is taken from the
 * payment it started from.
 */
final class PaymentChange {

	private final Payment from;

	private PaymentStatus status;

	private long amountCapturable;

	private long amountReceived;

	private long amountRefunded;

	private @Nullable Card card;

	private @Nullable PaymentError lastError;

	private @Nullable NextAction nextAction;

	private @Nullable String cancellationReason;

	private List<Refund> refunds;

	private @Nullable Instant dueAt;

	PaymentChange(Payment from) {
		this.from = from;
		this.status = from.status();
		this.amountCapturable = from.amountCapturable();
		this.amountReceived = from.amountReceived();
		this.amountRefunded = from.amountRefunded();
		this.card = from.card();
		this.lastError = from.lastError();
		this.nextAction = from.nextAction();
		this.cancellationReason = from.cancellationReason();
		this.refunds = from.refunds();
		this.dueAt = from.dueAt();
	}

	PaymentChange status(PaymentStatus status) {
		this.status = status;
		return this;
	}

	PaymentChange amountCapturable(long amount) {
		this.amountCapturable = amount;
		return this;
	}

	PaymentChange amountReceived(long amount) {
		this.amountReceived = amount;
		return this;
	}

	PaymentChange amountRefunded(long amount) {
		this.amountRefunded = amount;
		return this;
	}

	PaymentChange card(Card card) {
		this.card = card;
		return this;
	}

	PaymentChange lastError(@Nullable PaymentError error) {
		this.lastError = error;
		return this;
	}

	PaymentChange nextAction(@Nullable NextAction nextAction) {
		this.nextAction = nextAction;
		return this;
	}

	PaymentChange cancellationReason(@Nullable String reason) {
		this.cancellationReason = reason;
		return this;
	}

	PaymentChange refunds(List<Refund> refunds) {
		this.refunds = refunds;
		return this;
	}

	PaymentChange dueAt(@Nullable Instant dueAt) {
		this.dueAt = dueAt;
		return this;
	}

	Payment fail(PaymentError error) {
		return status(PaymentStatus.FAILED).lastError(error).build();
	}

	/** Applies the network's answer: approved holds or takes the money. */
	Payment networkAnswer(@Nullable PaymentError decline, Instant at) {
		if (decline != null) {
			return fail(decline);
		}
		if (this.from.captureMethod() == CaptureMethod.MANUAL) {
			return status(PaymentStatus.AUTHORIZED).amountCapturable(this.from.amount())
				.dueAt(at.plus(Payment.AUTHORIZATION_WINDOW))
				.build();
		}
		return status(PaymentStatus.SUCCEEDED).amountReceived(this.from.amount()).build();
	}

	Payment build() {
		Payment p = this.from;
		return new Payment(p.id(), p.namespace(), p.sequence(), p.created(), p.amount(), p.currency(), this.status,
				p.captureMethod(), this.amountCapturable, this.amountReceived, this.amountRefunded, p.secret(),
				p.description(), p.metadata(), this.card, this.lastError, this.nextAction, this.cancellationReason,
				this.refunds, this.dueAt);
	}

}
