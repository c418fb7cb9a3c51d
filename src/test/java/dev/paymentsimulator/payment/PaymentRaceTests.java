package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paymentsimulator.common.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Many threads capturing, canceling and refunding the same payments at once: every
 * outcome must be one some serial order could produce, and the money must add up.
 */
class PaymentRaceTests {

	private static final int PAYMENTS = 20;

	private static final int THREADS = 16;

	private static final int MOVES_PER_THREAD = 200;

	@Test
	void concurrentCapturesCancelsAndRefundsAlwaysAddUp() throws Exception {
		PaymentFixtures fixtures = new PaymentFixtures();
		PaymentService service = fixtures.service;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < PAYMENTS; i++) {
			ids.add(fixtures.in(PaymentStatus.AUTHORIZED).id());
		}
		Map<String, AtomicInteger> captures = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> cancels = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> refunded = new ConcurrentHashMap<>();
		ids.forEach((id) -> {
			captures.put(id, new AtomicInteger());
			cancels.put(id, new AtomicInteger());
			refunded.put(id, new AtomicInteger());
		});
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			long seed = 4242L + t;
			running.add(pool.submit(() -> {
				Random random = new Random(seed);
				start.await();
				for (int i = 0; i < MOVES_PER_THREAD; i++) {
					String id = ids.get(random.nextInt(ids.size()));
					try {
						switch (random.nextInt(4)) {
							case 0 -> {
								service.capture(NS, id, 500L + random.nextInt(500));
								captures.get(id).incrementAndGet();
							}
							case 1 -> {
								service.cancel(NS, id, null);
								cancels.get(id).incrementAndGet();
							}
							default -> {
								long amount = 1 + random.nextInt(120);
								service.refund(NS, id, amount, null, Map.of());
								refunded.get(id).addAndGet((int) amount);
							}
						}
					}
					catch (ApiException refused) {
						assertThat(refused.code().status().value()).isIn(400, 409);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : running) {
			future.get();
		}
		pool.shutdown();

		for (String id : ids) {
			Payment payment = service.get(NS, id);
			assertThat(captures.get(id).get() + cancels.get(id).get()).as("capture or cancel, once").isEqualTo(1);
			assertThat(payment.amountRefunded()).isEqualTo(refunded.get(id).get());
			assertThat(payment.refunds().stream().mapToLong(Refund::amount).sum()).isEqualTo(payment.amountRefunded());
			assertThat(payment.amountRefunded()).isLessThanOrEqualTo(payment.amountReceived());
			if (cancels.get(id).get() == 1) {
				assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
				assertThat(payment.amountReceived()).isZero();
				assertThat(payment.refunds()).isEmpty();
			}
			else {
				assertThat(payment.amountReceived()).isBetween(500L, 999L);
				assertThat(payment.status()).isIn(PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED,
						PaymentStatus.REFUNDED);
				assertThat(payment.status() == PaymentStatus.REFUNDED)
					.isEqualTo(payment.amountRefunded() == payment.amountReceived());
			}
		}
	}

}
