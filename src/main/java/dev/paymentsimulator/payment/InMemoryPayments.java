package dev.paymentsimulator.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.OnMemoryStore;
import dev.paymentsimulator.store.Shelves;

import org.springframework.stereotype.Repository;

/**
 * The embedded store: a {@link ConcurrentHashMap} per namespace, with sorted indexes for
 * listing, for the clock's due moves and for retention. Indexes are maintained inside the
 * same {@code compute} that swaps the payment, so they never disagree with it.
 */
@Repository
@OnMemoryStore
class InMemoryPayments implements Payments {

	private final Shelves<PaymentShelf> shelves = new Shelves<>(PaymentShelf::new);

	/**
	 * One creation order over every namespace: lists sort by it, retention drops by it.
	 */
	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong count = new AtomicLong();

	/**
	 * Every payment's creation number, oldest first, with its shelf, where the number
	 * finds its id: retention drops from the front.
	 */
	private final ConcurrentSkipListMap<Long, PaymentShelf> oldestFirst = new ConcurrentSkipListMap<>();

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
		PaymentShelf shelf = this.shelves.of(payment.namespace());
		shelf.payments.compute(payment.id(), (id, existing) -> {
			if (existing != null) {
				throw new IllegalStateException("Duplicate payment id " + id);
			}
			// boxed once for both maps, so this index costs a skip-list node per payment
			Long sequence = payment.sequence();
			shelf.add(payment, sequence);
			this.oldestFirst.put(sequence, shelf);
			return payment;
		});
		this.count.incrementAndGet();
		return dropBeyondRetention(shelf, payment.created());
	}

	@Override
	public Optional<Payment> find(Namespace namespace, String id) {
		return this.shelves.find(namespace, (shelf) -> shelf.payments.get(id));
	}

	@Override
	public Payment update(Namespace namespace, String id, UnaryOperator<Payment> change) {
		return this.shelves.update(namespace, "payment", id, (shelf) -> shelf.payments, (shelf, current) -> {
			Payment next = change.apply(current);
			shelf.reindex(current, next);
			return next;
		});
	}

	@Override
	public Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status) {
		Long after = page.after((id) -> find(namespace, id), Payment::sequence);
		return this.shelves.read(namespace, (shelf) -> Slice.olderThan(shelf.paymentIds, after, shelf.payments::get,
				(payment) -> status == null || payment.status() == status, page.limit()), Slice.empty());
	}

	@Override
	public Optional<Refund> findRefund(Namespace namespace, String refundId) {
		return this.shelves.read(namespace, (shelf) -> shelf.findRefund(refundId), Optional.empty());
	}

	@Override
	public Slice<Refund> listRefunds(Namespace namespace, PageRequest page) {
		Long after = page.after((id) -> findRefund(namespace, id), Refund::sequence);
		return this.shelves.read(namespace, (shelf) -> Slice.olderThan(shelf.refundIds, after,
				(id) -> shelf.findRefund(id).orElse(null), (refund) -> true, page.limit()), Slice.empty());
	}

	@Override
	public Optional<DueMove> nextDue(Namespace namespace, Instant now) {
		return this.shelves.read(namespace, (shelf) -> shelf.nextDue(now), Optional.empty());
	}

	@Override
	public Set<Namespace> namespaces() {
		return this.shelves.namespaces();
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		PaymentShelf shelf = this.shelves.remove(namespace);
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("payments", (shelf != null) ? (long) shelf.payments.size() : 0L);
		forgotten.put("refunds", (shelf != null) ? (long) shelf.refundIds.size() : 0L);
		if (shelf != null) {
			this.count.addAndGet(-shelf.payments.size());
			this.oldestFirst.values().removeIf((held) -> held == shelf);
		}
		return forgotten;
	}

	/**
	 * Drops the oldest payments while more than the limit are kept, whatever their state,
	 * and the namespace's payments created before its now less the maximum age.
	 */
	private List<Payment> dropBeyondRetention(PaymentShelf shelf, Instant now) {
		List<Payment> dropped = new ArrayList<>();
		while (this.count.get() > this.maxPayments) {
			Map.Entry<Long, PaymentShelf> oldest = this.oldestFirst.pollFirstEntry();
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
	private boolean drop(PaymentShelf shelf, String id, List<Payment> dropped) {
		Payment removed = (shelf != null) ? shelf.payments.remove(id) : null;
		if (removed == null) {
			return false;
		}
		shelf.unindex(removed);
		this.oldestFirst.remove(removed.sequence());
		this.count.decrementAndGet();
		dropped.add(removed);
		return true;
	}

}
