package dev.paymentsimulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.webhook.Deliveries.Pending;
import dev.paymentsimulator.webhook.Deliveries.Target;
import org.junit.jupiter.api.Test;

class InMemoryDeliveriesTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(50);

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** No event to render an attempt's body from: these tests read no body. */
	private static final BiFunction<Namespace, String, Optional<Event>> NO_EVENTS = (namespace, id) -> Optional.empty();

	/** Every namespace's simulated clock stands at {@link #NOW}. */
	private static final SimulatorClock FROZEN = SimulatorClock.standalone(CLOCK, NOW, (event) -> {
	});

	@Test
	void sendersClaimingAtOnceEachTakeDifferentDeliveriesAndNoneIsLost() throws Exception {
		InMemoryDeliveries deliveries = new InMemoryDeliveries(CLOCK, LEASE, NO_EVENTS);
		Namespace namespace = new Namespace("race");
		Target target = new Target("http://127.0.0.1:9/hook", null);
		int senders = 8;
		int rounds = 20_000;
		Set<Long> claimed = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int sender = 0; sender < senders; sender++) {
				results.add(pool.submit(() -> {
					start.await();
					int taken = 0;
					for (int round = 0; round < rounds; round++) {
						deliveries.schedule(namespace, NOW, "evt_" + round, target, 1);
						for (Pending pending : deliveries.claimDue(FROZEN, 4, Set.of())) {
							assertThat(claimed.add(pending.id())).isTrue();
							deliveries.release(namespace, pending);
							taken++;
						}
					}
					return taken;
				}));
			}
			start.countDown();
			int taken = 0;
			for (Future<Integer> result : results) {
				taken += result.get();
			}
			for (Pending rest : deliveries.claimDue(FROZEN, Integer.MAX_VALUE, Set.of())) {
				deliveries.release(namespace, rest);
				taken++;
			}
			assertThat(taken).isEqualTo(senders * rounds);
			assertThat(deliveries.owed()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void onlyDueDeliveriesAreClaimedInDueOrder() {
		InMemoryDeliveries deliveries = new InMemoryDeliveries(CLOCK, LEASE, NO_EVENTS);
		Namespace namespace = new Namespace("order");
		Target target = new Target("http://127.0.0.1:9/hook", null);
		deliveries.schedule(namespace, NOW.plusSeconds(10), "evt_later", target, 2);
		deliveries.schedule(namespace, NOW, "evt_now", target, 1);
		deliveries.schedule(namespace, NOW.minusSeconds(5), "evt_earlier", target, 1);

		assertThat(deliveries.claimDue(FROZEN, 10, Set.of())).extracting(Pending::eventId)
			.containsExactly("evt_earlier", "evt_now");
		assertThat(deliveries.claimDue(FROZEN, 10, Set.of())).isEmpty();
		SimulatorClock later = SimulatorClock.standalone(CLOCK, NOW, (event) -> {
		});
		later.advance(namespace, Duration.ofSeconds(10));
		assertThat(deliveries.claimDue(later, 10, Set.of())).extracting(Pending::eventId).containsExactly("evt_later");
	}

	@Test
	void aTargetAtItsCapIsPassedOverAndTheOthersGoOut() {
		InMemoryDeliveries deliveries = new InMemoryDeliveries(CLOCK, LEASE, NO_EVENTS);
		Namespace namespace = new Namespace("caps");
		Target hanging = new Target("http://127.0.0.1:9/slow", null);
		Target fast = new Target("http://localhost:8/fast", "we_fast");
		for (int i = 0; i < 100; i++) {
			deliveries.schedule(namespace, NOW.minusSeconds(100 - i), "evt_slow_" + i, hanging, 1);
		}
		deliveries.schedule(namespace, NOW, "evt_fast", fast, 1);

		assertThat(hanging.key()).isEqualTo("127.0.0.1:9");
		assertThat(deliveries.claimDue(FROZEN, 10, Set.of(hanging.key()))).extracting(Pending::eventId)
			.containsExactly("evt_fast");
		assertThat(deliveries.claimDue(FROZEN, 3, Set.of())).extracting(Pending::eventId)
			.containsExactly("evt_slow_0", "evt_slow_1", "evt_slow_2");
	}

	@Test
	void aClaimGivenBackOrNeverSettledIsOwedAgain() {
		MutableClock clock = new MutableClock(NOW);
		InMemoryDeliveries deliveries = new InMemoryDeliveries(clock, LEASE, NO_EVENTS);
		Namespace namespace = new Namespace("lease");
		Target target = new Target("http://127.0.0.1:9/hook", null);
		deliveries.schedule(namespace, NOW, "evt_given_back", target, 1);
		deliveries.schedule(namespace, NOW, "evt_lost", target, 1);
		List<Pending> claimed = deliveries.claimDue(FROZEN, 10, Set.of());
		assertThat(claimed).hasSize(2);

		deliveries.unclaim(namespace, claimed.get(0));
		assertThat(deliveries.claimDue(FROZEN, 10, Set.of())).extracting(Pending::eventId)
			.containsExactly("evt_given_back");
		clock.now = NOW.plus(LEASE).minusSeconds(1);
		assertThat(deliveries.claimDue(FROZEN, 10, Set.of())).isEmpty();
		clock.now = NOW.plus(LEASE).plusSeconds(1);
		assertThat(deliveries.claimDue(FROZEN, 10, Set.of())).extracting(Pending::eventId)
			.containsExactlyInAnyOrder("evt_given_back", "evt_lost");
	}

	@Test
	void attemptsAreCountedPerTargetWithoutTheirEvent() {
		InMemoryDeliveries deliveries = new InMemoryDeliveries(CLOCK, LEASE, NO_EVENTS);
		Namespace namespace = new Namespace("count");
		Target first = new Target("http://127.0.0.1:9/first", "we_first");
		Target second = new Target("http://127.0.0.1:9/second", "we_second");
		deliveries.schedule(namespace, NOW, "evt_counted", first, 1);
		deliveries.schedule(namespace, NOW, "evt_counted", second, 1);
		for (Pending claimed : deliveries.claimDue(FROZEN, 10, Set.of())) {
			deliveries.settle(namespace, claimed,
					new DeliveryAttempt("whd_" + claimed.target().endpointId(), claimed.eventId(),
							claimed.target().endpointId(), claimed.target().url(), 1, 500, "unexpected_status", 3, null,
							NOW, "{}", Map.of("webhook-id", claimed.eventId()), Map.of(), ""),
					null);
		}
		deliveries.schedule(namespace, NOW, "evt_counted", first, 2);
		Pending retry = deliveries.claimDue(FROZEN, 10, Set.of()).get(0);
		deliveries.settle(namespace, retry, new DeliveryAttempt("whd_retry", "evt_counted", "we_first", first.url(), 2,
				204, null, 3, null, NOW, "{}", Map.of("webhook-id", "evt_counted"), Map.of(), ""), null);

		// the event is not there to render the bodies: counting needs none
		assertThat(deliveries.attemptsMade(namespace, "evt_counted", first)).isEqualTo(2);
		assertThat(deliveries.attemptsMade(namespace, "evt_counted", second)).isEqualTo(1);
		assertThat(deliveries.attemptsMade(namespace, "evt_other", first)).isZero();
		assertThat(deliveries.attempts(namespace, "evt_counted")).isEmpty();
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
