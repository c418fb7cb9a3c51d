package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.NamespaceData;

/**
 * Where payments live, one shelf per namespace. Every change goes through
 * {@link #update}, which applies the change function atomically: two concurrent refunds
 * never both see the old {@code amount_refunded}.
 */
public interface Payments extends NamespaceData {

	/**
	 * The next number in the namespace's creation order, for payments and refunds alike.
	 */
	long nextSequence(Namespace namespace);

	/**
	 * Stores a new payment, then drops what retention no longer keeps: the oldest
	 * payments beyond its count, whatever their state, and those past its age.
	 * @return the payments dropped
	 */
	List<Payment> add(Payment payment);

	Optional<Payment> find(Namespace namespace, String id);

	/**
	 * Replaces the payment with {@code change.apply(current)} as one atomic step; an
	 * exception from the change leaves the payment as it was.
	 * @throws dev.paymentsimulator.common.ApiException {@code resource_missing} when
	 * absent
	 */
	Payment update(Namespace namespace, String id, UnaryOperator<Payment> change);

	/** Newest first, optionally only those in one status. */
	Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status);

	Optional<Refund> findRefund(Namespace namespace, String refundId);

	/** Every refund of the namespace, newest first. */
	Slice<Refund> listRefunds(Namespace namespace, PageRequest page);

	/** A payment the clock owes a move at or before {@code now}, if any. */
	Optional<DueMove> nextDue(Namespace namespace, Instant now);

	/** The namespaces that may have payments the clock owes a move. */
	Set<Namespace> namespaces();

	/**
	 * A payment owed a move. Its creation number tells it from a payment of the same id
	 * created after a reset: with a seed, ids start over, creation numbers do not.
	 */
	record DueMove(String paymentId, long sequence) {
	}

}
