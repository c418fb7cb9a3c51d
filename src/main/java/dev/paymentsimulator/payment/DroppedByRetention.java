package dev.paymentsimulator.payment;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.simulator.NamespaceData;

import org.springframework.stereotype.Component;

/**
 * Remembers the ids of what retention dropped (payments, their refunds and events), so
 * that asking for one answers "dropped by retention" rather than a bare "no such". It
 * keeps the newest {@value #REMEMBERED} ids of this process as 64-bit fingerprints, about
 * 6 MB at most; a reset forgets a namespace's by moving it to a new epoch.
 */
@Component
public final class DroppedByRetention implements NamespaceData {

	static final int REMEMBERED = 100_000;

	private final Map<Long, Boolean> fingerprints = new LinkedHashMap<>(1024, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
			return size() > REMEMBERED;
		}
	};

	private final ConcurrentMap<Namespace, Integer> epochs = new ConcurrentHashMap<>();

	private final String rule;

	DroppedByRetention(RetentionProperties retention) {
		this.rule = "the simulator keeps the newest " + retention.maxPayments()
				+ " payments (simulator.retention.max-payments)"
				+ ((retention.maxAge() != null) ? " and none older than " + retention.maxAge()
						+ " on the namespace's clock (simulator.retention.max-age)" : "")
				+ ", with their refunds and events";
	}

	public void remember(Namespace namespace, Collection<String> ids) {
		synchronized (this.fingerprints) {
			for (String id : ids) {
				this.fingerprints.put(fingerprint(namespace, id), Boolean.TRUE);
			}
		}
	}

	/**
	 * A {@code resource_missing} problem that says whether retention dropped the object.
	 */
	public ApiException notFound(Namespace namespace, String kind, String id) {
		boolean dropped;
		synchronized (this.fingerprints) {
			dropped = this.fingerprints.containsKey(fingerprint(namespace, id));
		}
		if (!dropped) {
			return ApiException.notFound(kind, id);
		}
		return new ApiException(ErrorCode.RESOURCE_MISSING,
				"No such " + kind + ": '" + id + "'. It was dropped by retention: " + this.rule + ".");
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
