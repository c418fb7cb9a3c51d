package dev.paymentsimulator.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The payment lifecycle: every move loads a payment, runs the guarded domain method
 * inside the store's atomic update and returns the stored result. The move and the event
 * it publishes share one transaction, so whatever listens (the event log, the webhook
 * outbox) stores its part together with the move.
 */
@Service
public class PaymentService {

	private final Payments payments;

	private final SimulatorClock clock;

	private final IdGenerator ids;

	private final TestCards cards;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final DroppedByRetention dropped;

	PaymentService(Payments payments, SimulatorClock clock, IdGenerator ids, TestCards cards,
			ApplicationEventPublisher events, TransactionOperations transactions, DroppedByRetention dropped) {
		this.payments = payments;
		this.dropped = dropped;
		this.transactions = transactions;
		this.clock = clock;
		this.ids = ids;
		this.cards = cards;
		this.events = events;
	}

	public Payment create(Namespace namespace, NewPayment request) {
		long amount = PaymentInputs.amount(request.amount());
		String currency = PaymentInputs.currency(request.currency());
		Map<String, String> metadata = PaymentInputs.metadata(request.metadata(), "metadata");
		Instant now = this.clock.now(namespace);
		Card card = (request.paymentMethod() != null) ? this.cards.resolve(request.paymentMethod(), now) : null;
		if (request.confirm() && card == null) {
			throw ApiException.missing("payment_method");
		}
		String id = this.ids.newId(namespace, "pay_");
		String secret = this.ids.randomString(namespace, "client_secret", 24);
		Payment payment = Payment.create(id, namespace, this.payments.nextSequence(namespace), now, amount, currency,
				request.captureMethod(), secret, request.description(), metadata, card);
		return unlessDeclined(this.transactions.execute((status) -> {
			this.dropped.rememberPayments(this.payments.add(payment)).forEach(this.events::publishEvent);
			publish(PaymentEventType.CREATED, new Moved(null, payment), null, now);
			if (!request.confirm()) {
				return payment;
			}
			return publishReached(move(namespace, id, (current) -> current.confirm(null, now,
					challengeUrl(request.pagesBaseUrl(), id), request.returnUrl())), now);
		}));
	}

	/**
	 * @param clientSecret when given, it must be the payment's own
	 * @throws PaymentDeclinedException when the network declines; the payment is then
	 * stored as {@code failed}
	 */
	public Payment confirm(Namespace namespace, String id, PaymentMethodInput paymentMethod, String clientSecret,
			String returnUrl, String pagesBaseUrl) {
		Payment payment = get(namespace, id, clientSecret);
		Instant now = this.clock.now(namespace);
		Card card = (paymentMethod != null) ? this.cards.resolve(paymentMethod, now) : null;
		return unlessDeclined(
				this.transactions.execute((status) -> publishReached(
						move(namespace, payment.id(),
								(current) -> current.confirm(card, now, challengeUrl(pagesBaseUrl, id), returnUrl)),
						now)));
	}

	public Payment finishChallenge(Namespace namespace, String id, boolean passed) {
		Instant now = this.clock.now(namespace);
		return this.transactions
			.execute((status) -> publishReached(move(namespace, id, (current) -> current.finishChallenge(passed, now)),
					now));
	}

	public Payment capture(Namespace namespace, String id, Long amount) {
		Instant now = this.clock.now(namespace);
		return this.transactions.execute((status) -> publish(PaymentEventType.CAPTURED,
				move(namespace, id, (current) -> current.capture(amount, now)), null, now));
	}

	public Payment cancel(Namespace namespace, String id, String reason) {
		Instant now = this.clock.now(namespace);
		return this.transactions.execute((status) -> publish(PaymentEventType.CANCELED,
				move(namespace, id, (current) -> current.cancel(reason)), null, now));
	}

	public Refund refund(Namespace namespace, String id, Long amount, String reason, Map<String, String> metadata) {
		Map<String, String> checked = PaymentInputs.metadata(metadata, "metadata");
		Instant now = this.clock.now(namespace);
		String refundId = this.ids.newId(namespace, "re_");
		long sequence = this.payments.nextSequence(namespace);
		return this.transactions.execute((status) -> {
			Moved moved = move(namespace, id,
					(current) -> current.refund(refundId, sequence, amount, reason, checked, now));
			Refund refund = moved.after().lastRefund();
			publish(PaymentEventType.REFUNDED, moved, refund, now);
			return refund;
		});
	}

	public Payment get(Namespace namespace, String id) {
		return this.payments.find(namespace, id).orElseThrow(() -> this.dropped.notFound(namespace, "payment", id));
	}

	/**
	 * Looks a payment up for someone who may have to prove they hold its client secret. A
	 * wrong secret answers as if the payment did not exist, so ids cannot be probed.
	 */
	public Payment get(Namespace namespace, String id, String clientSecret) {
		Payment payment = get(namespace, id);
		if (clientSecret != null && !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
				payment.clientSecret().getBytes(StandardCharsets.UTF_8))) {
			throw ApiException.notFound("payment", id);
		}
		return payment;
	}

	public Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status) {
		return this.payments.list(namespace, page, status);
	}

	public Refund getRefund(Namespace namespace, String refundId) {
		return this.payments.findRefund(namespace, refundId)
			.orElseThrow(() -> this.dropped.notFound(namespace, "refund", refundId));
	}

	/** The namespace's refunds, or one payment's, newest first. */
	public Slice<Refund> listRefunds(Namespace namespace, PageRequest page, @Nullable String paymentId) {
		if (paymentId == null) {
			return this.payments.listRefunds(namespace, page);
		}
		Payment payment = get(namespace, paymentId);
		return payment.refundsOlderThan(page.after((id) -> this.payments.findRefund(namespace, id), Refund::sequence),
				page.limit());
	}

	/**
	 * Makes the move the clock owes one payment at {@code now}, with its event. Answers
	 * the payment as it is afterwards.
	 * @throws ApiException {@code resource_missing} when the payment is gone
	 */
	Payment runDue(Namespace namespace, Payments.DueMove owed, Instant now) {
		return this.transactions.execute((status) -> {
			Moved made = move(namespace, owed.paymentId(),
					(current) -> (current.sequence() == owed.sequence()) ? current.runDue(now) : current);
			if (made.after().status() != made.before().status()) {
				// the move happened when it fell due, maybe before a long advance
				publish(PaymentEventType.reaching(made.after().status()), made, null, made.before().dueAt());
			}
			return made.after();
		});
	}

	/** A payment before and after one atomic change. */
	private record Moved(Payment before, Payment after) {
	}

	private Moved move(Namespace namespace, String id, UnaryOperator<Payment> change) {
		Payment[] before = new Payment[1];
		Payment after;
		try {
			after = this.payments.update(namespace, id, (current) -> {
				before[0] = current;
				return change.apply(current);
			});
		}
		catch (ApiException ex) {
			throw (ex.code() == ErrorCode.RESOURCE_MISSING && before[0] == null)
					? this.dropped.notFound(namespace, "payment", id) : ex;
		}
		return new Moved(before[0], after);
	}

	private Payment publish(PaymentEventType type, Moved moved, Refund refund, Instant at) {
		Payment payment = moved.after();
		this.events.publishEvent(new PaymentEvent(payment.namespace(), type,
				(moved.before() != null) ? moved.before().status() : null, payment, refund, at));
		return payment;
	}

	private Payment publishReached(Moved moved, Instant now) {
		return publish(PaymentEventType.reaching(moved.after().status()), moved, null, now);
	}

	/** A decline is stored, committed, and only then reported as an error. */
	private static Payment unlessDeclined(Payment payment) {
		if (payment.status() == PaymentStatus.FAILED) {
			throw new PaymentDeclinedException(payment);
		}
		return payment;
	}

	private static String challengeUrl(String pagesBaseUrl, String paymentId) {
		return pagesBaseUrl + "/3ds/" + paymentId;
	}

}
