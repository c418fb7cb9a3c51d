package dev.paymentsimulator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.verify;

import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** In memory, a waiter is woken by the event itself: the store is looked at once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
class InMemoryEventWaitTests {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	Events events;

	@Test
	void aWaiterThatFindsNothingLooksAtTheStoreOnce() {
		Api api = new Api(this.port).withKey("sk_test_wait_once");
		Api.Answer timedOut = api.get("/v1/events/wait?type=payment.captured&timeout_ms=1000");

		assertThat(timedOut.status()).isEqualTo(408);
		verify(this.events, atMost(1)).list(any(), any(), any(), any());
	}

}
