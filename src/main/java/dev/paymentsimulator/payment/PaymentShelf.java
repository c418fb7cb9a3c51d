package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One namespace's payments in memory, with the indexes that list them newest first, find
 * a refund's payment and order the clock's due moves. The store calls {@link #add},
 * {@link #reindex} and {@link #unindex} inside the same {@code compute} that swaps the
 * payment, so the indexes never disagree with it.
 */
final class PaymentShelf {

	final ConcurrentMap<String, Payment> payments = new ConcurrentHashMap<>();

	/** Creation number to payment id. */
	final NavigableMap<Long, String> paymentIds = new ConcurrentSkipListMap<>();

	final NavigableMap<Long, String> refundIds = new ConcurrentSkipListMap<>();

	private final ConcurrentMap<String, String> paymentOfRefund = new ConcurrentHashMap<>();

	private final ConcurrentSkipListSet<Due> due = new ConcurrentSkipListSet<>();

	/** Indexes a new payment under its creation number, boxed by the caller. */
	void add(Payment payment, Long sequence) {
		this.paymentIds.put(sequence, payment.id());
		reindex(null, payment);
	}

	/** Brings the indexes in line with a payment's new version. */
	void reindex(Payment before, Payment after) {
		if (before == null || !Objects.equals(before.dueAt(), after.dueAt())) {
			if (before != null && before.dueAt() != null) {
				this.due.remove(new Due(before.dueAt(), before.id()));
			}
			if (after.dueAt() != null) {
				this.due.add(new Due(after.dueAt(), after.id()));
			}
		}
		int known = (before != null) ? before.refunds().size() : 0;
		for (Refund refund : after.refunds().subList(known, after.refunds().size())) {
			this.paymentOfRefund.put(refund.id(), after.id());
			this.refundIds.put(refund.sequence(), refund.id());
		}
	}

	void unindex(Payment payment) {
		this.paymentIds.remove(payment.sequence());
		if (payment.dueAt() != null) {
			this.due.remove(new Due(payment.dueAt(), payment.id()));
		}
		for (Refund refund : payment.refunds()) {
			this.paymentOfRefund.remove(refund.id());
			this.refundIds.remove(refund.sequence());
		}
	}

	Optional<Refund> findRefund(String refundId) {
		String paymentId = this.paymentOfRefund.get(refundId);
		return Optional.ofNullable(paymentId)
			.map(this.payments::get)
			.flatMap((payment) -> payment.refunds().stream().filter((r) -> r.id().equals(refundId)).findFirst());
	}

	/** The move the clock owes first, if it is due by {@code now}. */
	Optional<Payments.DueMove> nextDue(Instant now) {
		if (this.due.isEmpty()) {
			return Optional.empty();
		}
		Due first = this.due.first();
		Payment payment = this.payments.get(first.paymentId());
		return (first.at().isAfter(now) || payment == null) ? Optional.empty()
				: Optional.of(new Payments.DueMove(payment.id(), payment.sequence()));
	}

	/** When the clock next owes a payment a move. */
	private record Due(Instant at, String paymentId) implements Comparable<Due> {

		private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::paymentId);

		@Override
		public int compareTo(Due other) {
			return ORDER.compare(this, other);
		}

	}

}
