package dev.paymentsimulator.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before Spring MVC sees them still get a problem, not Tomcat's
 * HTML error page. Sent over a raw socket, since HTTP clients refuse to send most of
 * them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServerRejectionTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET /v1/payments/pay_%00x HTTP/1.1", "GET /v1/payments/a%2Fb HTTP/1.1",
			"GET /v1/payments/%C0%AF HTTP/1.1", "GET /v1/pay{ments HTTP/1.1", "GET /v1/pay%ZZments HTTP/1.1",
			"GET /health HTTP/3.0",
			"POST /v1/payments HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip" })
	void aRequestTheServerRefusesIsAProblem(String requestLine) throws IOException {
		String answer = send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).contains("\"code\":\"parameter_invalid\"").doesNotContainIgnoringCase("<html");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/v1/events?type=%C3%28", "/v1/payments?status=%ED%A0%80", "/v1/refunds?payment=%FF%FE" })
	void aQueryParameterThatIsNotUtf8IsAProblem(String uri) throws IOException {
		String answer = send("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).contains("\"code\":\"parameter_invalid\"", "UTF-8");
	}

	@Test
	void aHeaderTooLargeIsAProblem() throws IOException {
		String answer = send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Long: "
				+ "a".repeat(20_000) + "\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).contains("\"code\":\"parameter_invalid\"").doesNotContainIgnoringCase("<html");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
