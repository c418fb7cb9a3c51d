package dev.paymentsimulator.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.store.JsonTable;
import dev.paymentsimulator.store.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Retention for the PostgreSQL store of payments, run in the create's transaction. */
final class JdbcRetention {

	/** Rows one retention statement deletes at most. */
	private static final int DROP_BATCH = 1_000;

	private final JdbcClient jdbc;

	private final JsonTable<Payment> table;

	private final SimulatorClock clock;

	private final int maxPayments;

	private final Duration maxAge;

	private final int sweepEvery;

	private final AtomicLong createdSinceSweep = new AtomicLong();

	JdbcRetention(JdbcClient jdbc, JsonTable<Payment> table, SimulatorClock clock, RetentionProperties retention) {
		this.jdbc = jdbc;
		this.table = table;
		this.clock = clock;
		this.maxPayments = retention.maxPayments();
		this.maxAge = retention.maxAge();
		this.sweepEvery = Math.max(1, Math.min(1_000, this.maxPayments / 10));
	}

	/** Answers the payments dropped after one more was created: none but on a sweep. */
	List<Payment> afterCreate() {
		return (this.createdSinceSweep.incrementAndGet() % this.sweepEvery == 0) ? dropBeyondRetention() : List.of();
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
			// skips rows another instance is changing or dropping: not ours to drop
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
				.map(this.table::read)
				.toList();
			dropped.addAll(batch);
			if (batch.size() < DROP_BATCH) {
				return dropped;
			}
		}
	}

}
