package dev.paymentsimulator.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompactMapTests {

	@Test
	void keepsTheHeadersInTheirOrderAndAnswersLikeTheMapItCopies() {
		Map<String, String> sent = new LinkedHashMap<>();
		sent.put("webhook-timestamp", "1796072230");
		sent.put("content-type", "application/json");
		sent.put("webhook-id", "evt_1");
		Map<String, String> kept = CompactMap.copyOf(sent);

		assertThat(kept).containsExactly(Map.entry("webhook-timestamp", "1796072230"),
				Map.entry("content-type", "application/json"), Map.entry("webhook-id", "evt_1"));
		assertThat(kept).isEqualTo(sent).hasSameHashCodeAs(sent);
		assertThat(kept.get("webhook-id")).isEqualTo("evt_1");
		assertThat(kept.get("date")).isNull();
		assertThat(kept.containsKey("content-type")).isTrue();
		assertThat(CompactMap.copyOf(Map.of())).isEmpty();
	}

	@Test
	void cannotBeChanged() {
		Map<String, String> kept = CompactMap.copyOf(Map.of("date", "Mon, 30 Nov 2026 20:57:10 GMT"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> kept.put("date", "later"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> kept.clear());
		assertThat(kept).containsOnlyKeys("date");
	}

}
