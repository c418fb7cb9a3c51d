package dev.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts with nothing configured, as `./mvnw spring-boot:run` starts it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DefaultConfigurationTests {

	@LocalServerPort
	int port;

	@Test
	void startsWithDefaultsAndItsClockFollowsRealTime() {
		Api api = new Api(this.port);
		assertThat(api.get("/health").status()).isEqualTo(200);
		long now = api.get("/v1/simulator/clock").json().get("now").asLong();
		assertThat(now).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
	}

}
