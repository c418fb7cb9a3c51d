package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.paymentsimulator.common.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Seeded random sequences of every move, checking the money and the event log after each
 * step. A failure names its seed; {@code -Dsimulator.property.seed=<seed>} replays it.
 */
class PaymentPropertyTests {

	private static final int SEQUENCES = 200;

	private static final int STEPS = 60;

	private static final String[] CARDS = { "4242424242424242", "5555555555554444", "4000000000000002",
			"4000000000009995", "4000000000000069", "4000000000000127", "4000000000000119", "4000002500003155",
			"4000008260003178", "4000000000000077", "4100000000000019" };

	/** States with no way out: nothing a client or the clock does may move them again. */
	private static final Set<PaymentStatus> TERMINAL = EnumSet.of(PaymentStatus.REFUNDED, PaymentStatus.CANCELED);

	@Test
	void randomSequencesKeepTheMoneyConsistentAndWriteOneEventPerChange() {
		long first = Long.getLong("simulator.property.seed", 20261125L);
		for (long seed = first; seed < first + SEQUENCES; seed++) {
			try {
				run(seed);
			}
			catch (AssertionError | RuntimeException failure) {
				throw new AssertionError("Property failed for seed " + seed + "; replay with -Dsimulator.property.seed="
						+ seed + ": " + failure.getMessage(), failure);
			}
		}
	}

	private static void run(long seed) {
		Random random = new Random(seed);
		PaymentFixtures fixtures = new PaymentFixtures();
		PaymentService service = fixtures.service;
		List<String> ids = new ArrayList<>();
		Map<String, PaymentStatus> terminal = new HashMap<>();
		for (int step = 0; step < STEPS; step++) {
			int eventsBefore = fixtures.published.size();
			Map<String, Payment> before = snapshot(service, ids);
			int move = (ids.isEmpty()) ? 0 : random.nextInt(8);
			String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
			int expectedEvents;
			try {
				switch (move) {
					case 0 -> ids.add(
							service
								.create(NS,
										new NewPayment(1 + random.nextInt(10_000), random.nextBoolean() ? "usd" : "jpy",
												random.nextBoolean() ? CaptureMethod.AUTOMATIC : CaptureMethod.MANUAL,
												null, Map.of(), null, false, null, "http://localhost"))
								.id());
					case 1 -> service.confirm(NS, id, PaymentFixtures.card(CARDS[random.nextInt(CARDS.length)]), null,
							null, "http://localhost");
					case 2 ->
						service.capture(NS, id, random.nextBoolean() ? null : (long) (1 + random.nextInt(12_000)));
					case 3 -> service.cancel(NS, id, null);
					case 4, 5 -> service.refund(NS, id,
							random.nextBoolean() ? null : (long) (1 + random.nextInt(6_000)), null, Map.of());
					case 6 -> service.finishChallenge(NS, id, random.nextBoolean());
					default -> fixtures.clock.advance(NS, Duration.ofSeconds(random.nextInt(3) * 300_000L + 3));
				}
				expectedEvents = (move == 7) ? clockMoves(before, snapshot(service, ids)) : 1;
			}
			catch (PaymentDeclinedException declined) {
				// the decline itself is a change: the payment is now failed, and says why
				expectedEvents = 1;
			}
			catch (ApiException refused) {
				int status = refused.code().status().value();
				assertThat(status).as("a refused move is 400, 404 or 409").isIn(400, 404, 409);
				expectedEvents = 0;
			}
			Map<String, Payment> after = snapshot(service, ids);
			for (String paymentId : ids) {
				Payment now = after.get(paymentId);
				assertThat(now.amountRefunded()).isLessThanOrEqualTo(now.amountReceived());
				assertThat(now.amountReceived()).isLessThanOrEqualTo(now.amount());
				assertThat(now.amountCapturable()).isBetween(0L, now.amount());
				assertThat(now.refunds().stream().mapToLong(Refund::amount).sum()).isEqualTo(now.amountRefunded());
				if (terminal.containsKey(paymentId)) {
					assertThat(now).as("terminal payments stay as they are").isEqualTo(before.get(paymentId));
				}
				if (TERMINAL.contains(now.status())) {
					terminal.putIfAbsent(paymentId, now.status());
				}
			}
			assertThat(fixtures.published.size() - eventsBefore).as("one event per state change")
				.isEqualTo(expectedEvents);
		}
	}

	/** The moves the clock made: a settlement, an expiry, or both in one long advance. */
	private static int clockMoves(Map<String, Payment> before, Map<String, Payment> after) {
		int moves = 0;
		for (Map.Entry<String, Payment> entry : before.entrySet()) {
			PaymentStatus was = entry.getValue().status();
			PaymentStatus now = after.get(entry.getKey()).status();
			if (was == PaymentStatus.PROCESSING && now == PaymentStatus.CANCELED) {
				moves += 2;
			}
			else if (was != now) {
				moves += 1;
			}
		}
		return moves;
	}

	private static Map<String, Payment> snapshot(PaymentService service, List<String> ids) {
		Map<String, Payment> payments = new HashMap<>();
		for (String id : ids) {
			payments.put(id, service.get(NS, id));
		}
		return payments;
	}

}
