package dev.paymentsimulator.webhook;

import dev.paymentsimulator.webhook.WebhookSender.ConnectionsOnDemand;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.DuplexConnectionPool;
import org.eclipse.jetty.client.transport.HttpDestination;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * One request waits and a connection for it is being opened; it asks the pool again (as
 * Jetty does when another attempt finishes): no second connection is opened for it.
 */
class ConnectionsOnDemandTests {

	@Test
	void opensNoSpareConnectionWhileOneIsBeingOpened() throws Exception {
		HttpDestination destination = waitingRequests(1);
		ConnectionsOnDemand pool = new ConnectionsOnDemand(destination, 8);
		askTwice(pool);
		verify(destination, times(1)).newConnection(any());
		assertThat(pool.getPendingConnectionCount()).isEqualTo(1);
	}

	@Test
	void jettysOwnPoolOpensASpare() throws Exception {
		HttpDestination destination = waitingRequests(1);
		askTwice(new DuplexConnectionPool(destination, 8));
		verify(destination, times(2)).newConnection(any());
	}

	@Test
	void opensOneConnectionForEachWaitingRequest() throws Exception {
		HttpDestination destination = waitingRequests(3);
		ConnectionsOnDemand pool = new ConnectionsOnDemand(destination, 8);
		pool.start();
		for (int i = 0; i < 5; i++) {
			pool.acquire(true);
		}
		verify(destination, times(3)).newConnection(any());
	}

	private static HttpDestination waitingRequests(int count) {
		HttpDestination destination = mock(HttpDestination.class);
		given(destination.getQueuedRequestCount()).willReturn(count);
		return destination;
	}

	private static void askTwice(AbstractConnectionPool pool) throws Exception {
		pool.start();
		assertThat(pool.acquire(true)).isNull();
		assertThat(pool.acquire(true)).isNull();
	}

}
