package dev.paymentsimulator.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.EventRows;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.SqlTimes;
import dev.paymentsimulator.store.StorageJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

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

	private final TransactionOperations transactions;

	private final EventRows events;

	private final long leaseMillis;

	JdbcDeliveries(JdbcClient jdbc, StorageJson json, TransactionOperations transactions, EventRows events,
			WebhookProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
		this.events = events;
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
		// offset bounds the scan so the due index serves it. What sending needs (the
		// event,
		// the attempts made, the endpoint) comes back with the claim, in the same round
		// trip.
		return this.jdbc
			.sql("""
					with claimed as (
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
						returning id, namespace, due_at, event_id, url, endpoint_id, attempt)
					select d.id, d.namespace, d.due_at, d.event_id as owed_event_id, d.url, d.endpoint_id, d.attempt,
						(select count(*) from webhook_attempts a
							where a.namespace = d.namespace and a.event_id = d.event_id and a.data ->> 'url' = d.url
							and (a.data ->> 'endpointId') is not distinct from d.endpoint_id) as attempts_made,
						w.data::text as endpoint, %s
					from claimed d
					left join events e on e.namespace = d.namespace and e.id = d.event_id
					left join webhook_endpoints w on w.namespace = d.namespace and w.id = d.endpoint_id"""
				.formatted(EventRows.columns("e")))
			.param("lease", this.leaseMillis)
			.param("base", SqlTimes.toSql(clock.unadvancedNow()))
			.param("full", full.toArray(String[]::new))
			.param("max", max)
			.query(this::claimed)
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
		this.transactions.execute((status) -> {
			int held = (retryAt != null)
					? this.jdbc.sql("""
							update webhook_outbox set attempt = attempt + 1, due_at = ?, claimed_until = null
							where id = ? and claimed_until is not null""")
						.params(SqlTimes.toSql(retryAt), claimed.id())
						.update()
					: this.jdbc.sql("delete from webhook_outbox where id = ?").param(claimed.id()).update();
			// none held: the namespace was reset while the attempt ran, so it is not
			// recorded there
			if (held > 0) {
				this.jdbc.sql("insert into webhook_attempts (namespace, event_id, data) values (?, ?, ?::jsonb)")
					.params(namespace.name(), attempt.eventId(), this.json.write(attempt))
					.update();
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

	private Pending claimed(ResultSet row, int number) throws SQLException {
		String endpoint = row.getString("endpoint");
		return new Pending(row.getLong("id"), new Namespace(row.getString("namespace")),
				SqlTimes.instant(row, "due_at"), row.getString("owed_event_id"),
				new Target(row.getString("url"), row.getString("endpoint_id")), row.getInt("attempt"),
				new Known(this.events.read(row), row.getInt("attempts_made"),
						(endpoint != null) ? this.json.read(endpoint, WebhookEndpoint.class) : null));
	}

}
