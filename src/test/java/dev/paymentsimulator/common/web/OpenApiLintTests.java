package dev.paymentsimulator.common.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openapi.yaml}, which {@link OpenApiDocumentTests} keeps equal to the served
 * document, passes Redocly's linter with its recommended rules, at 0 errors (the two
 * warnings left are a localhost server, which is where the simulator runs, and
 * {@code /health} having no 4xx answer). Run when Node 20 or newer is present, which
 * Redocly needs; npx fetches the pinned version.
 */
class OpenApiLintTests {

	private static final String REDOCLY = "@redocly/cli@2.77.0";

	@Test
	void theDocumentHasNoLintErrors() throws Exception {
		Assumptions.assumeTrue(nodeMajorVersion() >= 20, "Node 20 or newer is not installed");
		Process lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "openapi.yaml", "--format=summary")
			.redirectErrorStream(true)
			.start();
		String said = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(lint.exitValue()).as(said).isZero();
		assertThat(said).contains("Your API description is valid");
	}

	private static int nodeMajorVersion() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			node.waitFor(30, TimeUnit.SECONDS);
			return Integer.parseInt(version.substring(1, version.indexOf('.')));
		}
		catch (Exception absent) {
			return 0;
		}
	}

}
