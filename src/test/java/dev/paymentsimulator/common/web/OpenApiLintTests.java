package dev.paymentsimulator.common.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openapi.yaml}, which {@link OpenApiDocumentTests} keeps equal to the served
 * document, passes Redocly's linter with its recommended rules, at 0 errors (the two
 * warnings left are a localhost server, which is where the simulator runs, and
 * {@code /health} having no 4xx answer). Redocly runs when Node 20 or newer is present,
 * which it needs; npx fetches the pinned version. Where it is not (Debian 12 ships Node
 * 18), the recommended rules that matter to a generated client are checked here, and the
 * build's openapi-generator validates the document with swagger-parser before it
 * generates the client.
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

	@Test
	void theDocumentKeepsTheRecommendedRulesThatClientsNeed() throws Exception {
		JsonNode document = YAMLMapper.builder().build().readTree(Files.readString(Path.of("openapi.yaml")));
		assertThat(document.path("info").path("license").path("name").asString()).as("info-license").isNotBlank();
		assertThat(document.path("servers").isEmpty()).as("no-empty-servers").isFalse();
		Set<String> tags = new HashSet<>();
		document.path("tags").forEach((tag) -> {
			assertThat(tag.path("description").asString()).as("tag-description " + tag).isNotBlank();
			tags.add(tag.path("name").asString());
		});
		String text = document.toString();
		document.path("components")
			.path("schemas")
			.propertyNames()
			.forEach((component) -> assertThat(text).as("no-unused-components " + component)
				.contains("\"#/components/schemas/" + component + "\""));
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String where = method.getKey() + " " + path.getKey();
			JsonNode operation = method.getValue();
			assertThat(operation.path("summary").asString()).as("operation-summary " + where).isNotBlank();
			assertThat(operation.path("operationId").asString()).as("operation-operationId " + where).isNotBlank();
			assertThat(tags).as("operation-tag-defined " + where).contains(operation.path("tags").get(0).asString());
			assertThat(operation.path("responses").propertyNames()).as("operation-2xx-response " + where)
				.anyMatch((status) -> status.startsWith("2"));
			if (path.getKey().startsWith("/v1/")) {
				assertThat(operation.path("responses").propertyNames()).as("operation-4xx-response " + where)
					.anyMatch((status) -> status.startsWith("4"));
			}
			Set<String> declared = new HashSet<>();
			operation.path("parameters")
				.forEach((parameter) -> declared
					.add(parameter.path("in").asString() + " " + parameter.path("name").asString()));
			Matcher templated = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
			while (templated.find()) {
				assertThat(declared).as("path-parameters-defined " + where).contains("path " + templated.group(1));
			}
		}));
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
