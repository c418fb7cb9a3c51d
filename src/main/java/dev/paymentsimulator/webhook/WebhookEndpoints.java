package dev.paymentsimulator.webhook;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.NamespaceData;

/** Where webhook endpoints live, one shelf per namespace. */
interface WebhookEndpoints extends NamespaceData {

	long nextSequence(Namespace namespace);

	/**
	 * Adds the endpoint unless its namespace already has {@code limit}; atomic, so
	 * concurrent adds cannot pass the limit together.
	 * @return whether it was added
	 */
	boolean add(WebhookEndpoint endpoint, int limit);

	Optional<WebhookEndpoint> find(Namespace namespace, String id);

	/**
	 * @throws dev.paymentsimulator.common.ApiException {@code resource_missing} when
	 * absent
	 */
	WebhookEndpoint update(Namespace namespace, String id, UnaryOperator<WebhookEndpoint> change);

	boolean delete(Namespace namespace, String id);

	Slice<WebhookEndpoint> list(Namespace namespace, PageRequest page);

	List<WebhookEndpoint> all(Namespace namespace);

}
