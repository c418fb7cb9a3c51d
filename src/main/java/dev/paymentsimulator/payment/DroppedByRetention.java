package dev.paymentsimulator.payment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.store.NamespaceData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Remembers the ids of what retention dropped (payments, their refunds and events), so
 * that asking for one answers "dropped by retention" rather than a bare "no such". Two
 * Bloom filters of {@value #GENERATION} ids each, about 1.8 MB apiece: when the newer
 * fills it replaces the older, so the newest one to two million ids dropped are
 * remembered, and about one id in a thousand that was never dropped is taken for one. A
 * reset forgets a namespace's by moving it to a new epoch.
 */
@Component
public final class DroppedByRetention implements NamespaceData {

	static final int GENERATION = 2_000_000;

	/** Dropped payments announced at once at most. */
	private static final int DROPPED_BATCH = 1_000;

	/** Probes per id; with 14.4 bits per id, one false answer in a thousand. */
	private static final int PROBES = 10;

	private final int generation;

	private final int bits;

	private long[] newer;

	private long[] older;

	private int inNewer;

	private final ConcurrentMap<Namespace, Integer> epochs = new ConcurrentHashMap<>();

	private final String rule;

	@Autowired
	DroppedByRetention(RetentionProperties retention) {
		this(retention, GENERATION);
	}

	DroppedByRetention(RetentionProperties retention, int generation) {
		this.generation = generation;
		this.bits = generation * 144 / 10;
		this.newer = new long[this.bits / 64 + 1];
		this.older = new long[this.bits / 64 + 1];
		this.rule = "the simulator keeps the newest " + retention.maxPayments()
				+ " payments (simulator.retention.max-payments)"
				+ ((retention.maxAge() != null) ? " and none older than " + retention.maxAge()
						+ " on the namespace's clock (simulator.retention.max-age)" : "")
				+ ", with their refunds and events";
	}

	/**
	 * Remembers the ids of payments retention dropped and of their refunds. Answers what
	 * to announce so that their events and deliveries go too: per namespace, in batches
	 * of at most {@value #DROPPED_BATCH}, since the PostgreSQL store deletes their events
	 * with one parameter per id.
	 */
	List<PaymentsDropped> rememberPayments(List<Payment> dropped) {
		List<PaymentsDropped> announcements = new ArrayList<>();
		dropped.stream().collect(Collectors.groupingBy(Payment::namespace)).forEach((namespace, gone) -> {
			remember(namespace, gone.stream()
				.flatMap(
						(payment) -> Stream.concat(Stream.of(payment.id()), payment.refunds().stream().map(Refund::id)))
				.toList());
			List<String> ids = gone.stream().map(Payment::id).toList();
			for (int from = 0; from < ids.size(); from += DROPPED_BATCH) {
				announcements
					.add(new PaymentsDropped(namespace, ids.subList(from, Math.min(ids.size(), from + DROPPED_BATCH))));
			}
		});
		return announcements;
	}

	public synchronized void remember(Namespace namespace, Collection<String> ids) {
		for (String id : ids) {
			if (this.inNewer == this.generation) {
				this.older = this.newer;
				this.newer = new long[this.bits / 64 + 1];
				this.inNewer = 0;
			}
			long fingerprint = fingerprint(namespace, id);
			for (int probe = 0; probe < PROBES; probe++) {
				int bit = bit(fingerprint, probe);
				this.newer[bit >>> 6] |= 1L << bit;
			}
			this.inNewer++;
		}
	}

	/**
	 * A {@code resource_missing} problem that says whether retention dropped the object.
	 */
	public ApiException notFound(Namespace namespace, String kind, String id) {
		long fingerprint = fingerprint(namespace, id);
		boolean dropped;
		synchronized (this) {
			dropped = holds(this.newer, fingerprint) || holds(this.older, fingerprint);
		}
		if (!dropped) {
			return ApiException.notFound(kind, id);
		}
		return new ApiException(ErrorCode.RESOURCE_MISSING,
				"No such " + kind + ": '" + id + "'. It was dropped by retention: " + this.rule + ".");
	}

	private boolean holds(long[] filter, long fingerprint) {
		for (int probe = 0; probe < PROBES; probe++) {
			int bit = bit(fingerprint, probe);
			if ((filter[bit >>> 6] & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	/** Double hashing: the fingerprint and a second mix of it. */
	private int bit(long fingerprint, int probe) {
		long second = Long.rotateLeft(fingerprint * 0x9E3779B97F4A7C15L, 31) | 1;
		return (int) Long.remainderUnsigned(fingerprint + probe * second, this.bits);
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		this.epochs.merge(namespace, 1, Integer::sum);
		return Map.of();
	}

	/** FNV-1a over the namespace, its epoch and the id. */
	private long fingerprint(Namespace namespace, String id) {
		long hash = 0xcbf29ce484222325L;
		String key = namespace.name() + '\n' + this.epochs.getOrDefault(namespace, 0) + '\n' + id;
		for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

}
