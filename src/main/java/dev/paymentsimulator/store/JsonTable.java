package dev.paymentsimulator.store;

import java.util.Optional;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.Slice;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL table that keeps records whole as JSON in a {@code data} column, keyed by
 * (namespace, id), beside whatever columns its queries need.
 */
public final class JsonTable<T> {

	private final JdbcClient jdbc;

	private final StorageJson json;

	private final String table;

	private final Class<T> type;

	/**
	 * @param table a name from the code, never from a request
	 */
	public JsonTable(JdbcClient jdbc, StorageJson json, String table, Class<T> type) {
		this.jdbc = jdbc;
		this.json = json;
		this.table = table;
		this.type = type;
	}

	/** The next number in the creation order that lists sort by. */
	public long nextSequence() {
		return this.jdbc.sql("select nextval('creation_order')").query(Long.class).single();
	}

	public Optional<T> find(String namespace, String id) {
		return select(namespace, id, "");
	}

	/**
	 * Reads the record under its row lock, which the current transaction then holds.
	 * @param kind what the record is, for the {@code resource_missing} problem when
	 * absent
	 */
	public T lock(String namespace, String id, String kind) {
		return select(namespace, id, " for update").orElseThrow(() -> ApiException.notFound(kind, id));
	}

	/**
	 * The records a statement selects (one text column of their JSON), as a slice of at
	 * most {@code limit}; the statement asks for one more, which tells whether more
	 * follow.
	 */
	public Slice<T> slice(JdbcClient.StatementSpec statement, int limit) {
		return Slice.fromRows(statement.query(String.class).list().stream().map(this::read).toList(), limit);
	}

	public T read(String data) {
		return this.json.read(data, this.type);
	}

	public String write(T record) {
		return this.json.write(record);
	}

	private Optional<T> select(String namespace, String id, String lock) {
		return this.jdbc.sql("select data::text from " + this.table + " where namespace = ? and id = ?" + lock)
			.params(namespace, id)
			.query(String.class)
			.optional()
			.map(this::read);
	}

}
