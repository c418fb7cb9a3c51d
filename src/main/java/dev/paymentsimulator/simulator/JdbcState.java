package dev.paymentsimulator.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.paymentsimulator.account.Namespace;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulator's own state in PostgreSQL, shared by every instance: clock offsets,
 * values made once, and the transactions every store joins.
 */
@Component
@OnPostgresStore
class JdbcState implements ClockOffsets, SharedValues, Transactions {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ConcurrentMap<String, String> remembered = new ConcurrentHashMap<>();

	JdbcState(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Duration offset(Namespace namespace) {
		return this.jdbc.sql("select offset_nanos from clocks where namespace = ?")
			.param(namespace.name())
			.query(Long.class)
			.optional()
			.map(Duration::ofNanos)
			.orElse(Duration.ZERO);
	}

	@Override
	public Duration advance(Namespace namespace, Duration by) {
		return Duration.ofNanos(this.jdbc.sql("""
				insert into clocks (namespace, offset_nanos) values (?, ?)
				on conflict (namespace) do update set offset_nanos = clocks.offset_nanos + excluded.offset_nanos
				returning offset_nanos""").params(namespace.name(), by.toNanos()).query(Long.class).single());
	}

	@Override
	public void reset(Namespace namespace) {
		this.jdbc.sql("delete from clocks where namespace = ?").param(namespace.name()).update();
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

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	@Override
	public void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
