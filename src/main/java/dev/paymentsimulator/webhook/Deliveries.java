package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.store.NamespaceData;

/**
 * The delivery log, and the outbox of deliveries still owed: first attempts, retries and
 * redeliveries alike. Whoever sends a delivery claims it first, so two senders (threads
 * or instances) never take the same one; a claim that is never settled, because its
 * sender died, lapses and the delivery is owed again.
 */
interface Deliveries extends NamespaceData {

	/** Every attempt for one event, oldest first. */
	List<DeliveryAttempt> attempts(Namespace namespace, String eventId);

	/** How many attempts of one event were made to the target. */
	default int attemptsMade(Namespace namespace, String eventId, Target target) {
		return target.attemptsIn(attempts(namespace, eventId));
	}

	/** Owes attempt number {@code attempt} of an event to a target from {@code dueAt}. */
	void schedule(Namespace namespace, Instant dueAt, String eventId, Target target, int attempt);

	/**
	 * Claims up to {@code max} deliveries due, over every namespace, each by its own
	 * simulated clock, in due order for each target; passes over those whose
	 * {@link Target#key()} is in {@code full}: they stay owed until their target has
	 * room.
	 */
	List<Pending> claimDue(SimulatorClock clock, int max, Set<String> full);

	/** Gives a claimed delivery back to the outbox as it was, to be claimed again. */
	void unclaim(Namespace namespace, Pending claimed);

	/**
	 * Records the attempt made for a claimed delivery and lets the claim go; when
	 * {@code retryAt} is given the next attempt is owed from then. One atomic step, and
	 * none at all when the delivery is no longer there, because its namespace was reset
	 * while the attempt ran.
	 */
	void settle(Namespace namespace, Pending claimed, DeliveryAttempt attempt, Instant retryAt);

	/** Lets a claimed delivery go without an attempt: nothing is owed any more. */
	void release(Namespace namespace, Pending claimed);

	/** Deliveries owed, over all namespaces. */
	long owed();

	/** Forgets the attempts and owed deliveries of these events. */
	void dropEvents(Namespace namespace, Set<String> eventIds);

	/**
	 * Where an event goes: a URL, and the endpoint it belongs to ({@code null} for a
	 * payment's own URL).
	 */
	record Target(String url, String endpointId) {

		private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");

		/** How many of an event's attempts were made to this target. */
		int attemptsIn(List<DeliveryAttempt> attempts) {
			return (int) attempts.stream()
				.filter((attempt) -> attempt.url().equals(this.url)
						&& java.util.Objects.equals(attempt.endpointId(), this.endpointId))
				.count();
		}

		/**
		 * What a cap on deliveries in flight counts by: the endpoint, or for a payment's
		 * own URL its host and port, so that many payments naming one receiver share its
		 * cap.
		 */
		String key() {
			if (this.endpointId != null) {
				return this.endpointId;
			}
			Matcher matcher = AUTHORITY.matcher(this.url);
			return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : this.url;
		}

	}

	/**
	 * A delivery owed to one target.
	 *
	 * @param id the store's own number for it, also the tie-break between equal due times
	 * @param known what sending it needs, when the claim read it in the same query (on
	 * PostgreSQL, to save three round trips per delivery); {@code null} when the sender
	 * is to read it
	 */
	record Pending(long id, Namespace namespace, Instant dueAt, String eventId, Target target, int attempt,
			Known known) implements Comparable<Pending> {

		private static final Comparator<Pending> ORDER = Comparator.comparing(Pending::dueAt)
			.thenComparingLong(Pending::id);

		Pending(long id, Namespace namespace, Instant dueAt, String eventId, Target target, int attempt) {
			this(id, namespace, dueAt, eventId, target, attempt, null);
		}

		@Override
		public int compareTo(Pending other) {
			return ORDER.compare(this, other);
		}

	}

	/**
	 * What sending a delivery needs to know.
	 *
	 * @param event its event, {@code null} once dropped
	 * @param attemptsMade attempts already made for the event to the same target
	 * @param endpoint its endpoint, {@code null} for a payment's own URL or once deleted
	 */
	record Known(Event event, int attemptsMade, WebhookEndpoint endpoint) {
	}

}
