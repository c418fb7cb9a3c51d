package dev.paymentsimulator.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.CompactMap;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.Slice;

import org.jspecify.annotations.Nullable;

/**
 * The aggregate: one payment with its refunds. Immutable; every move is a guarded method
 * that returns the next version, which the store swaps in atomically.
 *
 * @param sequence orders payments of a namespace by creation, for newest-first lists
 * @param secret the random part of the client secret; the whole one is built when shown
 * @param dueAt when the clock next moves this payment on its own (settling a
 * {@code processing} payment, expiring an authorization); {@code null} when never
 */
public record Payment(String id, Namespace namespace, long sequence, Instant created, long amount, String currency,
		PaymentStatus status, CaptureMethod captureMethod, long amountCapturable, long amountReceived,
		long amountRefunded, String secret, @Nullable String description, Map<String, String> metadata,
		@Nullable Card card, @Nullable PaymentError lastError, @Nullable NextAction nextAction,
		@Nullable String cancellationReason, List<Refund> refunds, @Nullable Instant dueAt) {

	/** Refunds one payment can have; more is a {@code limit_exceeded} problem. */
	public static final int MAX_REFUNDS = 1_000;

	/** How long the simulated network takes to answer for a {@code processing} card. */
	public static final Duration PROCESSING_TIME = Duration.ofSeconds(5);

	/** How long funds stay held before an uncaptured authorization lapses. */
	public static final Duration AUTHORIZATION_WINDOW = Duration.ofDays(7);

	public Payment {
		// insertion order is kept, so the same request gives the same bytes in every run
		metadata = CompactMap.copyOf(metadata);
		refunds = List.copyOf(refunds);
	}

	static Payment create(String id, Namespace namespace, long sequence, Instant now, long amount, String currency,
			CaptureMethod captureMethod, String secret, @Nullable String description, Map<String, String> metadata,
			@Nullable Card card) {
		return new Payment(id, namespace, sequence, now, amount, currency, PaymentStatus.CREATED, captureMethod, 0, 0,
				0, secret, description, metadata, card, null, null, null, List.of(), null);
	}

	/**
	 * Sends the card to the simulated network. A decline is a state, not an exception:
	 * the payment becomes {@code failed} and the caller reports it.
	 * @param card the card to use, or {@code null} for the one attached at creation
	 */
	Payment confirm(@Nullable Card card, Instant now, String challengeUrl, String returnUrl) {
		require(PaymentAction.CONFIRM);
		Card using = (card != null) ? card : this.card;
		if (using == null) {
			throw ApiException.missing("payment_method");
		}
		PaymentChange next = change().card(using).lastError(null).nextAction(null).dueAt(null);
		if (using.isExpiredAt(now)) {
			return next.fail(CardBehavior.EXPIRED_CARD.decline());
		}
		return switch (using.behavior().step()) {
			case CHALLENGE ->
				next.status(PaymentStatus.REQUIRES_ACTION).nextAction(new NextAction(challengeUrl, returnUrl)).build();
			case PROCESSING -> next.status(PaymentStatus.PROCESSING).dueAt(now.plus(PROCESSING_TIME)).build();
			case DIRECT -> next.networkAnswer(using.behavior().decline(), now);
		};
	}

	/** Finishes 3-D Secure: the network answers only once the customer passed. */
	Payment finishChallenge(boolean passed, Instant now) {
		require(PaymentAction.CHALLENGE);
		PaymentChange next = change().nextAction(null);
		if (!passed) {
			return next.fail(PaymentError.AUTHENTICATION_FAILED);
		}
		return next.networkAnswer(this.card.behavior().decline(), now);
	}

	/**
	 * Captures held or paid funds. From {@code authorized} a smaller amount releases the
	 * rest; a {@code succeeded} payment was paid in full, so capturing only settles it.
	 */
	Payment capture(@Nullable Long amount, Instant now) {
		require(PaymentAction.CAPTURE);
		long available = (this.status == PaymentStatus.AUTHORIZED) ? this.amountCapturable : this.amountReceived;
		long capturing = (amount != null) ? amount : available;
		if (capturing > available) {
			throw new ApiException(ErrorCode.AMOUNT_TOO_LARGE,
					"Amount " + capturing + " is more than the " + available + " that can be captured.",
					Map.of("param", "amount", "payment_id", this.id));
		}
		if (this.status == PaymentStatus.SUCCEEDED && capturing != available) {
			throw ApiException.invalid("amount", "Payment " + this.id
					+ " was paid in full at confirmation; capture settles all of it (" + available + ").");
		}
		return change().status(PaymentStatus.CAPTURED)
			.amountCapturable(0)
			.amountReceived(capturing)
			.dueAt(null)
			.build();
	}

	Payment cancel(@Nullable String reason) {
		require(PaymentAction.CANCEL);
		return canceled(reason);
	}

	/**
	 * Gives money back, by default all that is left. The refund is the last one in the
	 * returned payment's {@code refunds}.
	 */
	Payment refund(String refundId, long refundSequence, @Nullable Long amount, @Nullable String reason,
			Map<String, String> metadata, Instant now) {
		require(PaymentAction.REFUND);
		if (this.refunds.size() >= MAX_REFUNDS) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED,
					"This payment has " + MAX_REFUNDS
							+ " refunds, the most one payment can have; refund what is left in one go.",
					Map.of("payment_id", this.id));
		}
		long left = this.amountReceived - this.amountRefunded;
		long refunding = (amount != null) ? amount : left;
		if (refunding > left) {
			throw new ApiException(ErrorCode.AMOUNT_TOO_LARGE,
					"Amount " + refunding + " is more than the " + left + " left to refund.",
					Map.of("param", "amount", "payment_id", this.id));
		}
		long refunded = this.amountRefunded + refunding;
		List<Refund> refunds = new ArrayList<>(this.refunds);
		refunds.add(new Refund(refundId, refundSequence, this.id, refunding, this.currency, reason, metadata, now));
		return change()
			.status((refunded == this.amountReceived) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED)
			.amountRefunded(refunded)
			.refunds(refunds)
			.build();
	}

	/** What a browser proves itself with: {@code pay_…_secret_…}. */
	public String clientSecret() {
		return this.id + "_secret_" + this.secret;
	}

	/** Where this payment's own events also go, from {@code metadata.webhook_url}. */
	public @Nullable String webhookUrl() {
		return this.metadata.get(PaymentInputs.WEBHOOK_URL);
	}

	/**
	 * This payment with only its newest {@code count} refunds, as events embed it: so
	 * that one payment's events stay small however often it is refunded.
	 */
	public Payment withNewestRefunds(int count) {
		return (this.refunds.size() <= count) ? this
				: change().refunds(this.refunds.subList(this.refunds.size() - count, this.refunds.size())).build();
	}

	/** Up to {@code limit} of its refunds, newest first, made before {@code after}. */
	public Slice<Refund> refundsOlderThan(@Nullable Long after, int limit) {
		Iterator<Refund> newest = this.refunds.stream()
			.sorted(Comparator.comparingLong(Refund::sequence).reversed())
			.filter((refund) -> after == null || refund.sequence() < after)
			.iterator();
		return Slice.take(newest, (refund) -> true, limit);
	}

	/** The refund made most recently. */
	Refund lastRefund() {
		return this.refunds.get(this.refunds.size() - 1);
	}

	/**
	 * Makes the next move the clock owes this payment, if it is due by {@code now}: a
	 * {@code processing} payment settles, an authorization lapses. The move happens at
	 * the instant it fell due, so one long advance can run several moves in order.
	 */
	Payment runDue(Instant now) {
		if (this.dueAt == null || this.dueAt.isAfter(now)) {
			return this;
		}
		return switch (this.status) {
			case PROCESSING -> change().dueAt(null).networkAnswer(this.card.behavior().decline(), this.dueAt);
			case AUTHORIZED -> canceled("expired");
			default -> change().dueAt(null).build();
		};
	}

	private Payment canceled(@Nullable String reason) {
		return change().status(PaymentStatus.CANCELED)
			.amountCapturable(0)
			.cancellationReason(reason)
			.nextAction(null)
			.dueAt(null)
			.build();
	}

	private void require(PaymentAction action) {
		if (!this.status.allows(action)) {
			throw new InvalidStateException(this.id, this.status, action);
		}
		if (action == PaymentAction.REFUND && this.amountRefunded >= this.amountReceived) {
			throw new InvalidStateException(this.id, this.status, action);
		}
	}

	private PaymentChange change() {
		return new PaymentChange(this);
	}

}
