package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;

import org.springframework.stereotype.Repository;

/**
 * The embedded store: a {@link ConcurrentHashMap} per namespace, with sorted indexes for
 * listing and for the clock's due moves. Indexes are maintained inside the same
 * {@code compute} that swaps the payment, so they never disagree with it.
 */
@Repository
class InMemoryPayments implements Payments {

	private final ConcurrentMap<Namespace, Shelf> shelves = new ConcurrentHashMap<>();

	@Override
	public long nextSequence(Namespace namespace) {
		return shelf(namespace).sequence.incrementAndGet();
	}

	@Override
	public void add(Payment payment) {
		Shelf shelf = shelf(payment.namespace());
		shelf.payments.compute(payment.id(), (id, existing) -> {
			if (existing != null) {
				throw new IllegalStateException("Duplicate payment id " + id);
			}
			shelf.index(null, payment);
			return payment;
		});
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
			shelf.index(current, next);
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
		return Slice.take(iterate(shelf.paymentIds, after, shelf.payments::get),
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
		return Slice.take(iterate(shelf.refundIds, after, (id) -> findRefund(namespace, id).orElse(null)),
				(refund) -> true, page.limit());
	}

	@Override
	public Optional<String> nextDue(Namespace namespace, Instant now) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null || shelf.due.isEmpty()) {
			return Optional.empty();
		}
		Due first = shelf.due.first();
		return first.at().isAfter(now) ? Optional.empty() : Optional.of(first.paymentId());
	}

	@Override
	public Set<Namespace> namespaces() {
		return Set.copyOf(this.shelves.keySet());
	}

	private Shelf shelf(Namespace namespace) {
		return this.shelves.computeIfAbsent(namespace, (ns) -> new Shelf());
	}

	private static <T> Iterator<T> iterate(NavigableMap<Long, String> index, Long after, Function<String, T> lookup) {
		NavigableMap<Long, String> older = (after != null) ? index.headMap(after, false) : index;
		Iterator<String> ids = older.descendingMap().values().iterator();
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return ids.hasNext();
			}

			@Override
			public T next() {
				return lookup.apply(ids.next());
			}
		};
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

		final AtomicLong sequence = new AtomicLong();

		final ConcurrentMap<String, Payment> payments = new ConcurrentHashMap<>();

		final NavigableMap<Long, String> paymentIds = new ConcurrentSkipListMap<>();

		final ConcurrentMap<String, String> paymentOfRefund = new ConcurrentHashMap<>();

		final NavigableMap<Long, String> refundIds = new ConcurrentSkipListMap<>();

		final ConcurrentSkipListSet<Due> due = new ConcurrentSkipListSet<>();

		/** Brings the indexes in line with a payment's new version. */
		void index(Payment before, Payment after) {
			if (before == null) {
				this.paymentIds.put(after.sequence(), after.id());
			}
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

	}

}
