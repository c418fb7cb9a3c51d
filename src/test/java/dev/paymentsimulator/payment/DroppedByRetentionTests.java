package dev.paymentsimulator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import dev.paymentsimulator.account.Namespace;
import org.junit.jupiter.api.Test;

class DroppedByRetentionTests {

	private static final Namespace NS = new Namespace("retention");

	private static final int GENERATION = 300_000;

	private final DroppedByRetention dropped = new DroppedByRetention(new RetentionProperties(100_000, null),
			GENERATION);

	@Test
	void everyIdDroppedIsKnownAndFewOthersAre() {
		this.dropped.remember(NS, ids("pay_gone_", 0, 200_000));

		assertThat(ids("pay_gone_", 0, 200_000)).allMatch(this::saysDropped);
		long mistaken = ids("pay_never_", 0, 200_000).stream().filter(this::saysDropped).count();
		assertThat(mistaken).isLessThan(400);
	}

	@Test
	void idsAreKnownInTheirNamespaceOnlyAndUntilItIsReset() {
		this.dropped.remember(NS, List.of("pay_one"));

		assertThat(this.dropped.notFound(new Namespace("other"), "payment", "pay_one").getMessage())
			.doesNotContain("retention");
		this.dropped.forget(NS);
		assertThat(saysDropped("pay_one")).isFalse();
	}

	@Test
	void theOldestAreForgottenOnceTwoGenerationsFilledAfterThem() {
		this.dropped.remember(NS, List.of("pay_first"));
		this.dropped.remember(NS, ids("pay_later_", 0, GENERATION - 1));
		assertThat(saysDropped("pay_first")).isTrue();

		this.dropped.remember(NS, ids("pay_latest_", 0, GENERATION + 1));
		assertThat(saysDropped("pay_first")).isFalse();
		assertThat(saysDropped("pay_latest_0")).isTrue();
	}

	private boolean saysDropped(String id) {
		return this.dropped.notFound(NS, "payment", id).getMessage().contains("dropped by retention");
	}

	private static List<String> ids(String prefix, int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> prefix + i).toList();
	}

}
