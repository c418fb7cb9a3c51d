package dev.paymentsimulator.event;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.NamespaceData;

/** Where events live, one shelf per namespace. */
interface Events extends NamespaceData {

	long nextSequence(Namespace namespace);

	void add(Event event);

	Optional<Event> find(Namespace namespace, String id);

	/**
	 * Drops every event of these payments.
	 * @return the ids of the events dropped
	 */
	Set<String> dropPayments(Namespace namespace, Collection<String> paymentIds);

	/** Newest first; {@code type} and {@code paymentId} narrow it when given. */
	Slice<Event> list(Namespace namespace, PageRequest page, String type, String paymentId);

}
