package dev.paymentsimulator.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.store.NamespaceData;

import org.springframework.stereotype.Service;

/**
 * Gives a namespace a clean start: no data, its clock and seeded ids back at the
 * beginning.
 */
@Service
public class ResetService {

	private final List<NamespaceData> stores;

	private final SimulatorClock clock;

	private final IdGenerator ids;

	ResetService(List<NamespaceData> stores, SimulatorClock clock, IdGenerator ids) {
		this.stores = stores;
		this.clock = clock;
		this.ids = ids;
	}

	/**
	 * @return what was forgotten, by kind, sorted by name
	 */
	public Map<String, Long> reset(Namespace namespace) {
		Map<String, Long> deleted = new TreeMap<>();
		for (NamespaceData store : this.stores) {
			deleted.putAll(store.forget(namespace));
		}
		this.clock.reset(namespace);
		this.ids.restart(namespace);
		return deleted;
	}

}
