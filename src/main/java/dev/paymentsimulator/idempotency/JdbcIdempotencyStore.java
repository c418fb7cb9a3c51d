package dev.paymentsimulator.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keys in PostgreSQL. The primary key on (namespace, key) makes a claim atomic over every
 * instance: of two requests with one key, whichever inserts first runs, wherever it
 * arrived. A claim held ten minutes of real time is taken for the claim of an instance
 * that died while running it, and frees the key.
 */
@Component
@OnPostgresStore
class JdbcIdempotencyStore implements IdempotencyStore {

	private final JdbcClient jdbc;

	private final IdempotencyProperties properties;

	JdbcIdempotencyStore(JdbcClient jdbc, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public Entry claim(Key key, Running claim, Instant now) {
		while (true) {
			boolean claimed = this.jdbc.sql("""
					insert into idempotency_keys (namespace, key, method, path, body_hash, claim_token, expires_at)
					values (:namespace, :key, :method, :path, :hash, :token, :expires)
					on conflict (namespace, key) do update set method = excluded.method, path = excluded.path,
						body_hash = excluded.body_hash, claim_token = excluded.claim_token, status = null,
						content_type = null, location = null, body = null, expires_at = excluded.expires_at,
						kept_at = now()
					where (idempotency_keys.claim_token is null and idempotency_keys.expires_at <= :now)
						or (idempotency_keys.claim_token is not null
							and idempotency_keys.kept_at < now() - interval '10 minutes')
					returning claim_token""")
				.param("namespace", key.namespace().name())
				.param("key", key.key())
				.param("method", claim.fingerprint().method())
				.param("path", claim.fingerprint().path())
				.param("hash", claim.fingerprint().bodyHash())
				.param("token", claim.token())
				.param("expires", SqlTimes.toSql(now.plus(this.properties.ttl())))
				.param("now", SqlTimes.toSql(now))
				.query(String.class)
				.optional()
				.isPresent();
			if (claimed) {
				return null;
			}
			Optional<Entry> holder = holder(key);
			if (holder.isPresent()) {
				return holder.get();
			}
			// the holder let the key go between the two statements: try again
		}
	}

	@Override
	public void complete(Key key, Running claim, int status, String contentType, String location, byte[] body,
			Instant now) {
		this.jdbc.sql("""
				update idempotency_keys set claim_token = null, status = ?, content_type = ?, location = ?, body = ?,
					expires_at = ?, kept_at = now()
				where namespace = ? and key = ? and claim_token = ?""")
			.params(status, contentType, location, body, SqlTimes.toSql(now.plus(this.properties.ttl())),
					key.namespace().name(), key.key(), claim.token())
			.update();
	}

	@Override
	public void release(Key key, Running claim) {
		this.jdbc.sql("delete from idempotency_keys where namespace = ? and key = ? and claim_token = ?")
			.params(key.namespace().name(), key.key(), claim.token())
			.update();
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		return Map.of("idempotency_keys",
				(long) this.jdbc.sql("delete from idempotency_keys where namespace = ?")
					.param(namespace.name())
					.update());
	}

	/** Keeps at most {@code max-keys} answers, dropping those kept longest ago. */
	@Scheduled(fixedDelay = 60_000)
	void dropBeyondMaxKeys() {
		this.jdbc.sql("""
				delete from idempotency_keys where (namespace, key) in (
					select namespace, key from idempotency_keys where claim_token is null
					order by kept_at desc offset ?)""").param(this.properties.maxKeys()).update();
	}

	private Optional<Entry> holder(Key key) {
		return this.jdbc.sql("""
				select method, path, body_hash, claim_token, status, content_type, location, body, expires_at
				from idempotency_keys where namespace = ? and key = ?""")
			.params(key.namespace().name(), key.key())
			.query((row, number) -> {
				Fingerprint fingerprint = new Fingerprint(row.getString("method"), row.getString("path"),
						row.getBytes("body_hash"));
				String token = row.getString("claim_token");
				return (token != null) ? (Entry) new Running(fingerprint, token)
						: new Answer(fingerprint, row.getInt("status"), row.getString("content_type"),
								row.getString("location"), row.getBytes("body"), SqlTimes.instant(row, "expires_at"));
			})
			.optional();
	}

}
