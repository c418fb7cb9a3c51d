package dev.paymentsimulator.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.JsonTable;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.common.SqlTimes;
import dev.paymentsimulator.common.StorageJson;
import dev.paymentsimulator.simulator.OnPostgresStore;
import dev.paymentsimulator.simulator.SimulatorClock;
import dev.paymentsimulator.simulator.Transactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments in PostgreSQL, each kept whole as JSON beside the columns that lists, due
 * moves and retention query. A change runs under the payment's row lock, so two instances
 * can never both see the old {@code amount_refunded}.
 */
@Repository
@OnPostgresStore
class JdbcPayments implements Payments {

	/** Rows one retention statement deletes at most. */
	private static final int DROP_BATCH = 1_000;

	private final JdbcClient jdbc;

	private final JsonTable<Payment> table;

	private final Transactions transactions;

	private final SimulatorClock clock;

	private final int maxPayments;

	private final Duration maxAge;

	private final int sweepEvery;

	private final AtomicLong createdSinceSweep = new AtomicLong();

	JdbcPayments(JdbcClient jdbc, StorageJson json, Transactions transactions, SimulatorClock clock,
			RetentionProperties retention) {
		this.jdbc = jdbc;
		this.table = new JsonTable<>(jdbc, json, "payments", Payment.class);
		this.transactions = transactions;
		this.clock = clock;
		this.maxPayments = retention.maxPayments();
		this.maxAge = retention.maxAge();
		this.sweepEvery = Math.max(1, Math.min(1_000, this.maxPayments / 10));
	}

	@Override
	public long nextSequence(Namespace namespace) {
		return this.table.nextSequence();
	}

	@Override
	public List<Payment> add(Payment payment) {
		return this.transactions.inTransaction(() -> {
			this.jdbc.sql("""
					insert into payments (namespace, id, sequence, status, created, due_at, data)
					values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
				.params(payment.namespace().name(), payment.id(), payment.sequence(), payment.status().name(),
						SqlTimes.toSql(payment.created()), SqlTimes.toSql(payment.dueAt()), this.table.write(payment))
				.update();
			addRefunds(payment, 0);
			return (this.createdSinceSweep.incrementAndGet() % this.sweepEvery == 0) ? dropBeyondRetention()
					: List.of();
		});
	}

	@Override
	public Optional<Payment> find(Namespace namespace, String id) {
		return this.table.find(namespace.name(), id);
	}

	@Override
	public Payment update(Namespace namespace, String id, UnaryOperator<Payment> change) {
		return this.transactions.inTransaction(() -> {
			Payment current = this.table.lock(namespace.name(), id)
				.orElseThrow(() -> ApiException.notFound("payment", id));
			Payment next = change.apply(current);
			this.jdbc.sql("""
					update payments set status = ?, due_at = ?, data = ?::jsonb
					where namespace = ? and id = ?""")
				.params(next.status().name(), SqlTimes.toSql(next.dueAt()), this.table.write(next), namespace.name(),
						id)
				.update();
			addRefunds(next, current.refunds().size());
			return next;
		});
	}

	@Override
	public Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status) {
		Long after = (page.startingAfter() != null)
				? find(namespace, page.startingAfter()).map(Payment::sequence).orElseThrow(page::unknownCursor) : null;
		List<Payment> rows = this.jdbc.sql("""
				select data::text from payments
				where namespace = :namespace and (cast(:status as text) is null or status = :status)
				and (cast(:after as bigint) is null or sequence < :after)
				order by sequence desc limit :limit""")
			.param("namespace", namespace.name())
			.param("status", (status != null) ? status.name() : null)
			.param("after", after)
			.param("limit", page.limit() + 1)
			.query(String.class)
			.list()
			.stream()
			.map(this::read)
			.toList();
		return Slice.fromRows(rows, page.limit());
	}

	@Override
	public Optional<Refund> findRefund(Namespace namespace, String refundId) {
		return this.jdbc.sql("""
				select p.data::text from refunds r join payments p on p.namespace = r.namespace and p.id = r.payment_id
				where r.namespace = ? and r.id = ?""")
			.params(namespace.name(), refundId)
			.query(String.class)
			.optional()
			.map(this::read)
			.flatMap((payment) -> refundOf(payment, refundId));
	}

	@Override
	public Slice<Refund> listRefunds(Namespace namespace, PageRequest page, String paymentId) {
		Long after = (page.startingAfter() != null)
				? findRefund(namespace, page.startingAfter()).map(Refund::sequence).orElseThrow(page::unknownCursor)
				: null;
		if (paymentId != null) {
			List<Refund> newest = find(namespace, paymentId).map(Payment::refunds)
				.orElse(List.of())
				.stream()
				.sorted(Comparator.comparingLong(Refund::sequence).reversed())
				.filter((refund) -> after == null || refund.sequence() < after)
				.toList();
			return Slice.take(newest.iterator(), (refund) -> true, page.limit());
		}
		List<Refund> rows = this.jdbc.sql("""
				select r.id, p.data::text as payment from refunds r
				join payments p on p.namespace = r.namespace and p.id = r.payment_id
				where r.namespace = :namespace and (cast(:after as bigint) is null or r.sequence < :after)
				order by r.sequence desc limit :limit""")
			.param("namespace", namespace.name())
			.param("after", after)
			.param("limit", page.limit() + 1)
			.query((row, number) -> refundOf(read(row.getString("payment")), row.getString("id")).orElseThrow())
			.list();
		return Slice.fromRows(rows, page.limit());
	}

	@Override
	public Optional<DueMove> nextDue(Namespace namespace, Instant now) {
		return this.jdbc
			.sql("select id, sequence from payments where namespace = ? and due_at <= ? order by due_at, id limit 1")
			.params(namespace.name(), SqlTimes.toSql(now))
			.query((row, number) -> new DueMove(row.getString("id"), row.getLong("sequence")))
			.optional();
	}

	@Override
	public Set<Namespace> namespaces() {
		return Set.copyOf(this.jdbc.sql("select distinct namespace from payments where due_at is not null")
			.query((row, number) -> new Namespace(row.getString(1)))
			.list());
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		return this.transactions.inTransaction(() -> {
			// refunds first, to count them: deleting a payment would take its
			// refunds along
			long refunds = this.jdbc.sql("delete from refunds where namespace = ?").param(namespace.name()).update();
			long payments = this.jdbc.sql("delete from payments where namespace = ?").param(namespace.name()).update();
			return Map.of("payments", payments, "refunds", refunds);
		});
	}

	private void addRefunds(Payment payment, int known) {
		for (Refund refund : payment.refunds().subList(known, payment.refunds().size())) {
			this.jdbc.sql("insert into refunds (namespace, id, payment_id, sequence) values (?, ?, ?, ?)")
				.params(payment.namespace().name(), refund.id(), payment.id(), refund.sequence())
				.update();
		}
	}

	/**
	 * Drops, in batches, the payments beyond the newest {@code max-payments} and those
	 * older than the maximum age on their namespace's clock. It runs every
	 * {@code sweepEvery} creates of this instance, not on each: the count it needs costs
	 * a scan of the newest payments' index, so between sweeps up to that many more may be
	 * kept.
	 */
	private List<Payment> dropBeyondRetention() {
		Long newestDropped = this.jdbc.sql("select sequence from payments order by sequence desc offset ? limit 1")
			.param(this.maxPayments)
			.query(Long.class)
			.optional()
			.orElse(null);
		List<Payment> dropped = new ArrayList<>();
		while (true) {
			// skips rows another instance is changing or dropping now: they are not ours
			// to drop
			List<Payment> batch = this.jdbc.sql("""
					delete from payments where (namespace, id) in (
						select p.namespace, p.id from payments p left join clocks c on c.namespace = p.namespace
						where p.sequence <= coalesce(cast(:newest as bigint), -1)
						or p.created < cast(:base as timestamptz)
							+ coalesce(c.offset_nanos, 0) / 1000 * interval '1 microsecond'
							- coalesce(cast(:age as bigint), 0) * interval '1 millisecond'
							and cast(:age as bigint) is not null
						order by p.sequence limit :batch
						for update of p skip locked)
					returning data::text""")
				.param("newest", newestDropped)
				.param("base", SqlTimes.toSql(this.clock.unadvancedNow()))
				.param("age", (this.maxAge != null) ? this.maxAge.toMillis() : null)
				.param("batch", DROP_BATCH)
				.query(String.class)
				.list()
				.stream()
				.map(this::read)
				.toList();
			dropped.addAll(batch);
			if (batch.size() < DROP_BATCH) {
				return dropped;
			}
		}
	}

	private Payment read(String data) {
		return this.table.read(data);
	}

	private static Optional<Refund> refundOf(Payment payment, String refundId) {
		return payment.refunds().stream().filter((refund) -> refund.id().equals(refundId)).findFirst();
	}

}
