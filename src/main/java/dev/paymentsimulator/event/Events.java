package dev.paymentsimulator.event;

import java.util.Optional;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;

/** Where events live, one shelf per namespace. */
interface Events {

	long nextSequence(Namespace namespace);

	void add(Event event);

	Optional<Event> find(Namespace namespace, String id);

	/** Newest first; {@code type} and {@code paymentId} narrow it when given. */
	Slice<Event> list(Namespace namespace, PageRequest page, String type, String paymentId);

}
