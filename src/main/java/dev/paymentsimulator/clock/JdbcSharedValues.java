package dev.paymentsimulator.clock;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.paymentsimulator.store.OnPostgresStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Values made once, kept in PostgreSQL so that every instance sharing it agrees. */
@Component
@OnPostgresStore
class JdbcSharedValues implements SharedValues {

	private final JdbcClient jdbc;

	private final ConcurrentMap<String, String> remembered = new ConcurrentHashMap<>();

	JdbcSharedValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String remember(String name, Supplier<String> fresh) {
		// a value never changes once kept, so each instance may keep its own copy
		return this.remembered.computeIfAbsent(name, (key) -> {
			Optional<String> kept = kept(key);
			if (kept.isPresent()) {
				return kept.get();
			}
			// the first instance to insert wins; every other one reads what it wrote
			this.jdbc.sql("insert into shared_values (name, value) values (?, ?) on conflict (name) do nothing")
				.params(key, fresh.get())
				.update();
			return kept(key).orElseThrow();
		});
	}

	private Optional<String> kept(String name) {
		return this.jdbc.sql("select value from shared_values where name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

}
