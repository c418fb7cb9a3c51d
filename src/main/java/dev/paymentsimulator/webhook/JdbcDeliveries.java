package dev.paymentsimulator.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.SqlTimes;
import dev.paymentsimulator.common.StorageJson;
import dev.paymentsimulator.simulator.OnPostgresStore;
import dev.paymentsimulator.simulator.SimulatorClock;
import dev.paymentsimulator.simulator.Transactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log and the transactional outbox in PostgreSQL. Deliveries are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so instances never take the same one, and a claim
 * is a lease on the database's clock: if its sender dies before settling, the lease runs
 * out and any instance may send the delivery.
 */
@Repository
@OnPostgresStore
class JdbcDeliveries implements Deliveries {

	private final JdbcClient jdbc;

	private final StorageJson json;

	private final Transactions transactions;

	private final long leaseMillis;

	JdbcDeliveries(JdbcClient jdbc, StorageJson json, Transactions transactions, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
		this.leaseMillis = properties.lease().toMillis();
	}

	@Override
	public List<DeliveryAttempt> attempts(Namespace namespace, String eventId) {
		return this.jdbc
			.sql("select data::text from webhook_attempts where namespace = ? and event_id = ? order by number")
			.params(namespace.name(), eventId)
			.query(String.class)
			.list()
			.stream()
			.map((data) -> this.json.read(data, DeliveryAttempt.class))
			.toList();
	}

	@Override
	public void schedule(Namespace namespace, Instant dueAt, String eventId, Target target, int attempt) {
		this.jdbc.sql("""
				insert into webhook_outbox (namespace, event_id, url, endpoint_id, attempt, due_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(namespace.name(), eventId, target.url(), target.endpointId(), attempt, SqlTimes.toSql(dueAt))
			.update();
	}

	@Override
	public List<Pending> claimDue(SimulatorClock clock, int max, Set<String> full) {
		// each namespace's now is the unadvanced now plus its clock's offset; the largest
		// offset bounds the scan so the due index serves it
		return this.jdbc.sql("""
				update webhook_outbox set claimed_until = clock_timestamp() + :lease * interval '1 millisecond'
				where id in (
					select o.id from webhook_outbox o left join clocks c on c.namespace = o.namespace
					where o.due_at <= cast(:base as timestamptz)
						+ (select coalesce(max(offset_nanos), 0) from clocks) / 1000 * interval '1 microsecond'
					and o.due_at <= cast(:base as timestamptz)
						+ coalesce(c.offset_nanos, 0) / 1000 * interval '1 microsecond'
					and (o.claimed_until is null or o.claimed_until < clock_timestamp())
					and not (coalesce(o.endpoint_id,
						lower(substring(o.url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)')), o.url) = any (:full))
					order by o.due_at, o.id limit :max
					for update of o skip locked)
				returning id, namespace, due_at, event_id, url, endpoint_id, attempt""")
			.param("lease", this.leaseMillis)
			.param("base", SqlTimes.toSql(clock.unadvancedNow()))
			.param("full", full.toArray(String[]::new))
			.param("max", max)
			.query(JdbcDeliveries::pending)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	@Override
	public void unclaim(Namespace namespace, Pending claimed) {
		this.jdbc.sql("update webhook_outbox set claimed_until = null where id = ?").param(claimed.id()).update();
	}

	@Override
	public void settle(Namespace namespace, Pending claimed, DeliveryAttempt attempt, Instant retryAt) {
		this.transactions.inTransaction(() -> {
			this.jdbc.sql("insert into webhook_attempts (namespace, event_id, data) values (?, ?, ?::jsonb)")
				.params(namespace.name(), attempt.eventId(), this.json.write(attempt))
				.update();
			if (retryAt != null) {
				this.jdbc.sql("""
						update webhook_outbox set attempt = attempt + 1, due_at = ?, claimed_until = null
						where id = ?""").params(SqlTimes.toSql(retryAt), claimed.id()).update();
			}
			else {
				release(namespace, claimed);
			}
			return attempt;
		});
	}

	@Override
	public void release(Namespace namespace, Pending claimed) {
		this.jdbc.sql("delete from webhook_outbox where id = ?").param(claimed.id()).update();
	}

	@Override
	public long owed() {
		return this.jdbc.sql("select count(*) from webhook_outbox").query(Long.class).single();
	}

	@Override
	public void dropEvents(Namespace namespace, Set<String> eventIds) {
		for (String table : List.of("webhook_attempts", "webhook_outbox")) {
			this.jdbc.sql("delete from " + table + " where namespace = :namespace and event_id in (:events)")
				.param("namespace", namespace.name())
				.param("events", List.copyOf(eventIds))
				.update();
		}
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("webhook_deliveries",
				(long) this.jdbc.sql("delete from webhook_attempts where namespace = ?")
					.param(namespace.name())
					.update());
		forgotten.put("pending_retries",
				(long) this.jdbc.sql("delete from webhook_outbox where namespace = ?")
					.param(namespace.name())
					.update());
		return forgotten;
	}

	private static Pending pending(ResultSet row, int number) throws SQLException {
		return new Pending(row.getLong("id"), new Namespace(row.getString("namespace")),
				SqlTimes.instant(row, "due_at"), row.getString("event_id"),
				new Target(row.getString("url"), row.getString("endpoint_id")), row.getInt("attempt"));
	}

}
