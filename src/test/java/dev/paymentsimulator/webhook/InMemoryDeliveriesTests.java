package dev.paymentsimulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.webhook.Deliveries.Pending;
import dev.paymentsimulator.webhook.Deliveries.Target;
import org.junit.jupiter.api.Test;

class InMemoryDeliveriesTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@Test
	void sendersClaimingAtOnceEachTakeDifferentDeliveriesAndNoneIsLost() throws Exception {
		InMemoryDeliveries deliveries = new InMemoryDeliveries();
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
						for (Pending pending : deliveries.claimDue(namespace, NOW, 4)) {
							assertThat(claimed.add(pending.id())).isTrue();
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
			taken += deliveries.claimDue(namespace, NOW, Integer.MAX_VALUE).size();
			assertThat(taken).isEqualTo(senders * rounds);
			assertThat(deliveries.owed()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void onlyDueDeliveriesAreClaimedInDueOrder() {
		InMemoryDeliveries deliveries = new InMemoryDeliveries();
		Namespace namespace = new Namespace("order");
		Target target = new Target("http://127.0.0.1:9/hook", null);
		deliveries.schedule(namespace, NOW.plusSeconds(10), "evt_later", target, 2);
		deliveries.schedule(namespace, NOW, "evt_now", target, 1);
		deliveries.schedule(namespace, NOW.minusSeconds(5), "evt_earlier", target, 1);

		assertThat(deliveries.claimDue(namespace, NOW, 10)).extracting(Pending::eventId)
			.containsExactly("evt_earlier", "evt_now");
		assertThat(deliveries.claimDue(namespace, NOW, 10)).isEmpty();
		assertThat(deliveries.claimDue(namespace, NOW.plusSeconds(10), 10)).extracting(Pending::eventId)
			.containsExactly("evt_later");
	}

}
