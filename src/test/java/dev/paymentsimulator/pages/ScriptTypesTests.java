package dev.paymentsimulator.pages;

import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simulator.js} comes with its TypeScript declarations, served beside it as
 * TypeScript, and names them for tools that follow the script's own pointer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScriptTypesTests {

	@LocalServerPort
	int port;

	@Test
	void theScriptPointsAtItsDeclarationsServedBesideIt() {
		Api api = new Api(this.port);
		Answer script = api.get("/js/simulator.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).startsWith("// @ts-self-types=\"./simulator.d.ts\"");
		Answer types = api.get("/js/simulator.d.ts");
		assertThat(types.status()).isEqualTo(200);
		assertThat(types.contentType()).startsWith("application/typescript");
		assertThat(types.body()).contains("export class Simulator", "confirmCard(", "export class PaymentError",
				"export interface Payment");
	}

}
