package dev.paymentsimulator.clock;

import java.time.Duration;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.store.OnPostgresStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each namespace's clock offset in PostgreSQL, so every instance reads the same time. */
@Component
@OnPostgresStore
class JdbcClockOffsets implements ClockOffsets {

	private final JdbcClient jdbc;

	JdbcClockOffsets(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

}
