package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.simulator.NamespaceData;

/** The delivery log, and the retries still owed. */
interface Deliveries extends NamespaceData {

	void record(Namespace namespace, DeliveryAttempt attempt);

	/** Every attempt for one event, oldest first. */
	List<DeliveryAttempt> attempts(Namespace namespace, String eventId);

	void schedule(Namespace namespace, PendingRetry retry);

	/** Takes the next retry due at or before {@code now}, if any. */
	Optional<PendingRetry> takeDue(Namespace namespace, Instant now);

	Set<Namespace> namespaces();

	/** Retries owed, over all namespaces. */
	long pendingRetries();

	/** Forgets the attempts and pending retries of these events. */
	void dropEvents(Namespace namespace, Set<String> eventIds);

	/**
	 * Where an event goes: a URL, and the endpoint it belongs to ({@code null} for a
	 * payment's own URL).
	 */
	record Target(String url, String endpointId) {
	}

	/** A retry owed to one target. */
	record PendingRetry(Instant dueAt, long order, String eventId, Target target,
			int attempt) implements Comparable<PendingRetry> {

		private static final Comparator<PendingRetry> ORDER = Comparator.comparing(PendingRetry::dueAt)
			.thenComparingLong(PendingRetry::order);

		@Override
		public int compareTo(PendingRetry other) {
			return ORDER.compare(this, other);
		}

	}

}
