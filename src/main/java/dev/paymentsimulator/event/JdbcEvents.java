package dev.paymentsimulator.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.SqlTimes;
import dev.paymentsimulator.store.StorageJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events in PostgreSQL: the payment snapshot is kept as JSON and rendered when asked for,
 * as in memory, so both stores give the same bytes.
 */
@Repository
@OnPostgresStore
class JdbcEvents implements Events {

	private static final String COLUMNS = EventRows.columns("e");

	private final JdbcClient jdbc;

	private final StorageJson json;

	private final EventRows rows;

	JdbcEvents(JdbcClient jdbc, StorageJson json, EventRows rows) {
		this.jdbc = jdbc;
		this.json = json;
		this.rows = rows;
	}

	@Override
	public long nextSequence(Namespace namespace) {
		return this.jdbc.sql("select nextval('creation_order')").query(Long.class).single();
	}

	@Override
	public void add(Event event) {
		this.jdbc.sql("""
				insert into events (namespace, id, sequence, type, payment_id, webhook_url, created, payment, refund)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
			.params(event.namespace().name(), event.id(), event.sequence(), event.type(), event.paymentId(),
					event.webhookUrl(), SqlTimes.toSql(event.created()), this.json.write(event.payment()),
					(event.refund() != null) ? this.json.write(event.refund()) : null)
			.update();
	}

	@Override
	public Optional<Event> find(Namespace namespace, String id) {
		return this.jdbc.sql("select " + COLUMNS + " from events e where namespace = ? and id = ?")
			.params(namespace.name(), id)
			.query(this::event)
			.optional();
	}

	@Override
	public Set<String> dropPayments(Namespace namespace, Collection<String> paymentIds) {
		return new HashSet<>(this.jdbc
			.sql("delete from events where namespace = :namespace and payment_id in (:payments) returning id")
			.param("namespace", namespace.name())
			.param("payments", List.copyOf(paymentIds))
			.query(String.class)
			.list());
	}

	@Override
	public Slice<Event> list(Namespace namespace, PageRequest page, String type, String paymentId) {
		Long after = page.after((id) -> find(namespace, id), Event::sequence);
		List<Event> rows = this.jdbc.sql("select " + COLUMNS + """
				 from events e where namespace = :namespace
				and (cast(:type as text) is null or type = :type)
				and (cast(:payment as text) is null or payment_id = :payment)
				and (cast(:after as bigint) is null or sequence < :after)
				order by sequence desc limit :limit""")
			.param("namespace", namespace.name())
			.param("type", type)
			.param("payment", paymentId)
			.param("after", after)
			.param("limit", page.limit() + 1)
			.query(this::event)
			.list();
		return Slice.fromRows(rows, page.limit());
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		return Map.of("events",
				(long) this.jdbc.sql("delete from events where namespace = ?").param(namespace.name()).update());
	}

	private Event event(ResultSet row, int number) throws SQLException {
		return this.rows.read(row);
	}

}
