package dev.paymentsimulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.support.Commands;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compose.yaml} read as Docker Compose reads it (these machines have no Docker
 * engine to run it): the simulator beside the Node example receiver, sharing one signing
 * secret, on the port the Docker instructions of {@code docs/operations.md} send webhooks
 * to.
 */
class ComposeFileTests {

	@Test
	@SuppressWarnings("unchecked")
	void runsTheSimulatorBesideTheNodeReceiverWithOneSharedSecret() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsOnlyKeys("simulator", "receiver");

		Map<String, Object> simulator = services.get("simulator");
		assertThat(simulator.get("build")).isEqualTo(".");
		assertThat((List<String>) simulator.get("ports")).containsExactly("8080:8080");
		Map<String, String> simulatorEnvironment = (Map<String, String>) simulator.get("environment");

		Map<String, Object> receiver = services.get("receiver");
		assertThat((List<String>) receiver.get("volumes")).containsExactly("./examples/node:/receiver");
		assertThat(Path.of("examples/node/receiver.mjs")).exists();
		assertThat(String.join(" ", (List<String>) receiver.get("command"))).contains("npm ci", "node receiver.mjs");
		Map<String, String> receiverEnvironment = (Map<String, String>) receiver.get("environment");

		assertThat(simulatorEnvironment.get("SIMULATOR_WEBHOOKS_SECRET")).startsWith("whsec_")
			.isEqualTo(receiverEnvironment.get("WEBHOOK_SECRET"));
		assertThat(receiverEnvironment.get("PORT")).isEqualTo("4000");
		assertThat(Files.readString(Path.of("docs", "operations.md")))
			.contains("\"webhook_url\":\"http://receiver:4000/webhooks\"");
	}

	/**
	 * Where a Compose client is installed, it validates the file too; no engine needed.
	 */
	@Test
	void aComposeClientFindsTheFileValid() throws Exception {
		Optional<Path> client = Commands.onPath("docker-compose");
		Assumptions.assumeTrue(client.isPresent(), "no docker-compose on the PATH");
		Process config = new ProcessBuilder(client.get().toString(), "-f", "compose.yaml", "config", "-q")
			.redirectErrorStream(true)
			.start();
		String said = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(config.exitValue()).as(said).isZero();
	}

}
