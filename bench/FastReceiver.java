import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver that answers 204 at once and counts what it received; GET /count tells
 * the count. Run as a single-file program: java FastReceiver.java <port>
 */
public class FastReceiver {

	public static void main(String[] args) throws IOException {
		AtomicLong received = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1000);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/hooks", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			received.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/count", (exchange) -> {
			byte[] body = Long.toString(received.get()).getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

}
