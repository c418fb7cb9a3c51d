package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.JsonTable;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.SqlTimes;
import dev.paymentsimulator.store.StorageJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Payments in PostgreSQL, each kept whole as JSON beside the columns that lists, due
 * moves and retention query. A change runs under the payment's row lock, so two instances
 * can never both see the old {@code amount_refunded}.
 */
@Repository
@OnPostgresStore
class JdbcPayments implements Payments {

	private final JdbcClient jdbc;

	private final JsonTable<Payment> table;

	private final TransactionOperations transactions;

	private final JdbcRetention retention;

	JdbcPayments(JdbcClient jdbc, StorageJson json, TransactionOperations transactions, SimulatorClock clock,
			RetentionProperties retention) {
		this.jdbc = jdbc;
		this.table = new JsonTable<>(jdbc, json, "payments", Payment.class);
		this.transactions = transactions;
		this.retention = new JdbcRetention(jdbc, this.table, clock, retention);
	}

	@Override
	public long nextSequence(Namespace namespace) {
		return this.table.nextSequence();
	}

	@Override
	public List<Payment> add(Payment payment) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("""
					insert into payments (namespace, id, sequence, status, created, due_at, data)
					values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
				.params(payment.namespace().name(), payment.id(), payment.sequence(), payment.status().name(),
						SqlTimes.toSql(payment.created()), SqlTimes.toSql(payment.dueAt()), this.table.write(payment))
				.update();
			addRefunds(payment, 0);
			return this.retention.afterCreate();
		});
	}

	@Override
	public Optional<Payment> find(Namespace namespace, String id) {
		return this.table.find(namespace.name(), id);
	}

	@Override
	public Payment update(Namespace namespace, String id, UnaryOperator<Payment> change) {
		return this.transactions.execute((status) -> {
			Payment current = this.table.lock(namespace.name(), id, "payment");
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
		Long after = page.after((id) -> find(namespace, id), Payment::sequence);
		return this.table.slice(this.jdbc.sql("""
				select data::text from payments
				where namespace = :namespace and (cast(:status as text) is null or status = :status)
				and (cast(:after as bigint) is null or sequence < :after)
				order by sequence desc limit :limit""")
			.param("namespace", namespace.name())
			.param("status", (status != null) ? status.name() : null)
			.param("after", after)
			.param("limit", page.limit() + 1), page.limit());
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
	public Slice<Refund> listRefunds(Namespace namespace, PageRequest page) {
		Long after = page.after((id) -> findRefund(namespace, id), Refund::sequence);
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
		return this.transactions.execute((status) -> {
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

	private Payment read(String data) {
		return this.table.read(data);
	}

	private static Optional<Refund> refundOf(Payment payment, String refundId) {
		return payment.refunds().stream().filter((refund) -> refund.id().equals(refundId)).findFirst();
	}

}
