package dev.paymentsimulator.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.JsonTable;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.StorageJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/** Webhook endpoints in PostgreSQL, each kept whole as JSON; changes take a row lock. */
@Repository
@OnPostgresStore
class JdbcWebhookEndpoints implements WebhookEndpoints {

	private final JdbcClient jdbc;

	private final JsonTable<WebhookEndpoint> table;

	private final TransactionOperations transactions;

	JdbcWebhookEndpoints(JdbcClient jdbc, StorageJson json, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.table = new JsonTable<>(jdbc, json, "webhook_endpoints", WebhookEndpoint.class);
		this.transactions = transactions;
	}

	@Override
	public long nextSequence(Namespace namespace) {
		return this.table.nextSequence();
	}

	@Override
	public boolean add(WebhookEndpoint endpoint, int limit) {
		String namespace = endpoint.namespace().name();
		return this.transactions.execute((status) -> {
			// one adder per namespace at a time, over every instance, so the count holds
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('webhook_endpoints'), hashtext(?))")
				.param(namespace)
				.query()
				.singleRow();
			return this.jdbc.sql("""
					insert into webhook_endpoints (namespace, id, sequence, data)
					select :namespace, :id, :sequence, cast(:data as jsonb)
					where (select count(*) from webhook_endpoints where namespace = :namespace) < :limit""")
				.param("namespace", namespace)
				.param("id", endpoint.id())
				.param("sequence", endpoint.sequence())
				.param("data", this.table.write(endpoint))
				.param("limit", limit)
				.update() > 0;
		});
	}

	@Override
	public Optional<WebhookEndpoint> find(Namespace namespace, String id) {
		return this.table.find(namespace.name(), id);
	}

	@Override
	public WebhookEndpoint update(Namespace namespace, String id, UnaryOperator<WebhookEndpoint> change) {
		return this.transactions.execute((status) -> {
			WebhookEndpoint current = this.table.lock(namespace.name(), id, "webhook endpoint");
			WebhookEndpoint next = change.apply(current);
			this.jdbc.sql("update webhook_endpoints set data = ?::jsonb where namespace = ? and id = ?")
				.params(this.table.write(next), namespace.name(), id)
				.update();
			return next;
		});
	}

	@Override
	public boolean delete(Namespace namespace, String id) {
		return this.jdbc.sql("delete from webhook_endpoints where namespace = ? and id = ?")
			.params(namespace.name(), id)
			.update() > 0;
	}

	@Override
	public Slice<WebhookEndpoint> list(Namespace namespace, PageRequest page) {
		Long after = page.after((id) -> find(namespace, id), WebhookEndpoint::sequence);
		return this.table.slice(this.jdbc.sql("""
				select data::text from webhook_endpoints
				where namespace = :namespace and (cast(:after as bigint) is null or sequence < :after)
				order by sequence desc limit :limit""")
			.param("namespace", namespace.name())
			.param("after", after)
			.param("limit", page.limit() + 1), page.limit());
	}

	@Override
	public List<WebhookEndpoint> all(Namespace namespace) {
		return this.jdbc.sql("select data::text from webhook_endpoints where namespace = ? order by sequence")
			.param(namespace.name())
			.query(String.class)
			.list()
			.stream()
			.map(this::read)
			.toList();
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		return Map.of("webhook_endpoints",
				(long) this.jdbc.sql("delete from webhook_endpoints where namespace = ?")
					.param(namespace.name())
					.update());
	}

	private WebhookEndpoint read(String data) {
		return this.table.read(data);
	}

}
