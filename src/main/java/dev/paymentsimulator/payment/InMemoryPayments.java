package dev.paymentsimulator.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.simulator.OnMemoryStore;

import org.springframework.stereotype.Repository;

/**
 * The embedded store: a {@link ConcurrentHashMap} per namespace, with sorted indexes for
 * listing, for the clock's due moves and for retention. Indexes are maintained inside the
 * same {@code compute} that swaps the payment, so they never disagree with it.
 */
@Repository
@OnMemoryStore
class InMemoryPayments implements Payments {

	private final ConcurrentMap<Namespace, Shelf> shelves = new ConcurrentHashMap<>();

	/**
	 * One creation order over every namespace: lists sort by it, retention drops by it.
	 */
	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong count = new AtomicLong();

	/**
	 * Every payment's creation number, oldest first, with its shelf, where the number
	 * finds its id: retention drops from the front. The number is boxed once for both
	 * maps, so this index costs a skip-list node per payment.
	 */
	private final ConcurrentSkipListMap<Long, Shelf> oldestFirst = new ConcurrentSkipListMap<>();

	private final int maxPayments;

	private final Duration maxAge;

	InMemoryPayments(RetentionProperties retention) {
		this.maxPayments = retention.maxPayments();
		this.maxAge = retention.maxAge();
	}

	@Override
	public long nextSequence(Namespace namespace) {
		return this.sequence.incrementAndGet();
	}

	@Override
	public List<Payment> add(Payment payment) {
		Shelf shelf = shelf(payment.namespace());
		shelf.payments.compute(payment.id(), (id, existing) -> {
			if (existing != null) {
				throw new IllegalStateException("Duplicate payment id " + id);
			}
			index(shelf, null, payment);
			return payment;
		});
		this.count.incrementAndGet();
		return dropBeyondRetention(shelf, payment.created());
	}

	@Override
	public Optional<Payment> find(Namespace namespace, String id) {
		Shelf shelf = this.shelves.get(namespace);
		return (shelf != null) ? Optional.ofNullable(shelf.payments.get(id)) : Optional.empty();
	}

	@Override
	public Payment update(Namespace namespace, String id, UnaryOperator<Payment> change) {
		Shelf shelf = this.shelves.get(namespace);
		Payment updated = (shelf != null) ? shelf.payments.computeIfPresent(id, (key, current) -> {
			Payment next = change.apply(current);
			index(shelf, current, next);
			return next;
		}) : null;
		if (updated == null) {
			throw ApiException.notFound("payment", id);
		}
		return updated;
	}

	@Override
	public Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status) {
		Long after = (page.startingAfter() != null)
				? find(namespace, page.startingAfter()).map(Payment::sequence).orElseThrow(page::unknownCursor) : null;
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null) {
			return new Slice<>(List.of(), false);
		}
		return Slice.olderThan(shelf.paymentIds, after, shelf.payments::get,
				(payment) -> status == null || payment.status() == status, page.limit());
	}

	@Override
	public Optional<Refund> findRefund(Namespace namespace, String refundId) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null) {
			return Optional.empty();
		}
		String paymentId = shelf.paymentOfRefund.get(refundId);
		return Optional.ofNullable(paymentId)
			.map(shelf.payments::get)
			.flatMap((payment) -> payment.refunds().stream().filter((r) -> r.id().equals(refundId)).findFirst());
	}

	@Override
	public Slice<Refund> listRefunds(Namespace namespace, PageRequest page, String paymentId) {
		Long after = (page.startingAfter() != null)
				? findRefund(namespace, page.startingAfter()).map(Refund::sequence).orElseThrow(page::unknownCursor)
				: null;
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null) {
			return new Slice<>(List.of(), false);
		}
		if (paymentId != null) {
			Payment payment = shelf.payments.get(paymentId);
			List<Refund> refunds = (payment != null) ? payment.refunds() : List.of();
			Iterator<Refund> newest = refunds.stream()
				.sorted(Comparator.comparingLong(Refund::sequence).reversed())
				.filter((refund) -> after == null || refund.sequence() < after)
				.iterator();
			return Slice.take(newest, (refund) -> true, page.limit());
		}
		return Slice.olderThan(shelf.refundIds, after, (id) -> findRefund(namespace, id).orElse(null), (refund) -> true,
				page.limit());
	}

	@Override
	public Optional<DueMove> nextDue(Namespace namespace, Instant now) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null || shelf.due.isEmpty()) {
			return Optional.empty();
		}
		Due first = shelf.due.first();
		Payment payment = shelf.payments.get(first.paymentId());
		return (first.at().isAfter(now) || payment == null) ? Optional.empty()
				: Optional.of(new DueMove(payment.id(), payment.sequence()));
	}

	@Override
	public Set<Namespace> namespaces() {
		return Set.copyOf(this.shelves.keySet());
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("payments", (shelf != null) ? (long) shelf.payments.size() : 0L);
		forgotten.put("refunds", (shelf != null) ? (long) shelf.refundIds.size() : 0L);
		if (shelf != null) {
			this.count.addAndGet(-shelf.payments.size());
			this.oldestFirst.values().removeIf((held) -> held == shelf);
		}
		return forgotten;
	}

	/** Brings the indexes in line with a payment's new version. */
	private void index(Shelf shelf, Payment before, Payment after) {
		if (before == null) {
			Long sequence = after.sequence();
			shelf.paymentIds.put(sequence, after.id());
			this.oldestFirst.put(sequence, shelf);
		}
		if (before == null || !Objects.equals(before.dueAt(), after.dueAt())) {
			if (before != null && before.dueAt() != null) {
				shelf.due.remove(new Due(before.dueAt(), before.id()));
			}
			if (after.dueAt() != null) {
				shelf.due.add(new Due(after.dueAt(), after.id()));
			}
		}
		int known = (before != null) ? before.refunds().size() : 0;
		for (Refund refund : after.refunds().subList(known, after.refunds().size())) {
			shelf.paymentOfRefund.put(refund.id(), after.id());
			shelf.refundIds.put(refund.sequence(), refund.id());
		}
	}

	/**
	 * Drops the oldest payments while more than the limit are kept, whatever their state,
	 * and the namespace's payments created before its now less the maximum age.
	 */
	private List<Payment> dropBeyondRetention(Shelf shelf, Instant now) {
		List<Payment> dropped = new ArrayList<>();
		while (this.count.get() > this.maxPayments) {
			Map.Entry<Long, Shelf> oldest = this.oldestFirst.pollFirstEntry();
			if (oldest == null) {
				break;
			}
			String id = oldest.getValue().paymentIds.get(oldest.getKey());
			if (id != null) {
				drop(oldest.getValue(), id, dropped);
			}
		}
		if (this.maxAge != null) {
			Instant cutoff = now.minus(this.maxAge);
			while (true) {
				Map.Entry<Long, String> oldest = shelf.paymentIds.firstEntry();
				Payment payment = (oldest != null) ? shelf.payments.get(oldest.getValue()) : null;
				if (payment == null || !payment.created().isBefore(cutoff)) {
					break;
				}
				if (!drop(shelf, payment.id(), dropped)) {
					break;
				}
			}
		}
		return dropped;
	}

	/** Drops one payment, unless another thread did; says whether this one did. */
	private boolean drop(Shelf shelf, String id, List<Payment> dropped) {
		Payment removed = (shelf != null) ? shelf.payments.remove(id) : null;
		if (removed == null) {
			return false;
		}
		unindex(shelf, removed);
		this.oldestFirst.remove(removed.sequence());
		this.count.decrementAndGet();
		dropped.add(removed);
		return true;
	}

	private static void unindex(Shelf shelf, Payment payment) {
		shelf.paymentIds.remove(payment.sequence());
		if (payment.dueAt() != null) {
			shelf.due.remove(new Due(payment.dueAt(), payment.id()));
		}
		for (Refund refund : payment.refunds()) {
			shelf.paymentOfRefund.remove(refund.id());
			shelf.refundIds.remove(refund.sequence());
		}
	}

	private Shelf shelf(Namespace namespace) {
		return this.shelves.computeIfAbsent(namespace, (ns) -> new Shelf());
	}

	/** When the clock next owes a payment a move. */
	private record Due(Instant at, String paymentId) implements Comparable<Due> {

		private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::paymentId);

		@Override
		public int compareTo(Due other) {
			return ORDER.compare(this, other);
		}

	}

	private static final class Shelf {

		final ConcurrentMap<String, Payment> payments = new ConcurrentHashMap<>();

		final NavigableMap<Long, String> paymentIds = new ConcurrentSkipListMap<>();

		final ConcurrentMap<String, String> paymentOfRefund = new ConcurrentHashMap<>();

		final NavigableMap<Long, String> refundIds = new ConcurrentSkipListMap<>();

		final ConcurrentSkipListSet<Due> due = new ConcurrentSkipListSet<>();

	}

}
