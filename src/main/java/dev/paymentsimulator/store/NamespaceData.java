package dev.paymentsimulator.store;

import java.util.Map;

import dev.paymentsimulator.account.Namespace;

/** A store that can forget one namespace, for {@code POST /v1/simulator/reset}. */
public interface NamespaceData {

	/**
	 * Forgets everything of the namespace; answers what it forgot, by kind, with counts.
	 */
	Map<String, Long> forget(Namespace namespace);

}
