package dev.paymentsimulator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.PaymentSimulatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** Invalid configuration stops the start, and the message names the property at fault. */
class ConfigurationTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "simulator.webhooks.retry-delays=5s,-5s|simulator.webhooks.retry-delays",
					"simulator.webhooks.jitter=1.5|simulator.webhooks.jitter",
					"simulator.webhooks.secret=not-a-secret|simulator.webhooks.secret",
					"simulator.idempotency.max-keys=-1|simulator.idempotency",
					"simulator.idempotency.ttl=-1h|simulator.idempotency.ttl",
					"simulator.retention.max-payments=0|simulator.retention.max-payments",
					"simulator.retention.max-age=-1d|simulator.retention.max-age",
					"simulator.idempotency.max-bytes=10B|simulator.idempotency.max-bytes",
					"simulator.auth.api-keys=letmein|simulator.auth.api-keys",
					"simulator.auth.api-keys=sk_test_team1|simulator.auth.api-keys",
					"simulator.auth.api-keys=sk_test_team1_short|simulator.auth.api-keys",
					"simulator.webhooks.max-endpoints=0|simulator.webhooks.max-endpoints",
					"simulator.clock.start=yesterday|simulator.clock.start", "simulator.store=mongo|simulator.store",
					"simulator.store=postgres|spring.datasource.url" })
	void invalidConfigurationFailsStartNamingTheProperty(String setting, String property) {
		assertStartFailsNaming(property, setting);
	}

	@Test
	void aSeedWithThePostgresStoreFailsStartNamingBoth() {
		assertStartFailsNaming("simulator.seed cannot be used with simulator.store=postgres", "simulator.seed=42",
				"simulator.store=postgres", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
	}

	private static void assertStartFailsNaming(String property, String... settings) {
		List<String> properties = new ArrayList<>(List.of(settings));
		properties.add("server.port=0");
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PaymentSimulatorApplication.class)
			.properties(properties.toArray(String[]::new))
			.run()
			.close());
		assertThat(failure).isNotNull();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		assertThat(messages.toString()).contains(property);
	}

}
