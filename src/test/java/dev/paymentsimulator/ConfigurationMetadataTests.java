package dev.paymentsimulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings' metadata, which IDEs read for completion and help, and the table of
 * {@code docs/configuration.md} describe the same settings, with the same defaults: one
 * added to either, or a default changed in one, shows here.
 */
class ConfigurationMetadataTests {

	private static final Pattern TABLE_ROW = Pattern
		.compile("^\\| `(simulator\\.[a-z.-]+)` \\| `([A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

	@Test
	void everySettingIsInTheMetadataWithADescriptionAndInTheReadmeTable() throws IOException {
		Set<String> inMetadata = new TreeSet<>();
		Map<String, String> defaults = new HashMap<>();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("simulator.")) {
					assertThat(property.path("description").asString()).as(name).isNotBlank();
					inMetadata.add(name);
					JsonNode value = property.path("defaultValue");
					if (!value.isMissingNode()) {
						defaults.put(name, listed(value));
					}
				}
			}
		}
		Set<String> inReadme = new TreeSet<>();
		Matcher rows = TABLE_ROW.matcher(Files.readString(Path.of("docs", "configuration.md")));
		while (rows.find()) {
			inReadme.add(rows.group(1));
			// the environment variable is the relaxed binding of the property's name
			assertThat(rows.group(2)).isEqualTo(rows.group(1).replace(".", "_").replace("-", "").toUpperCase());
			// a default the code declares is the one the table shows
			if (defaults.containsKey(rows.group(1))) {
				assertThat(rows.group(3).trim()).as(rows.group(1)).isEqualTo("`" + defaults.get(rows.group(1)) + "`");
			}
		}
		assertThat(inReadme).containsExactlyElementsOf(inMetadata).contains("simulator.store", "simulator.seed");
		assertThat(defaults).containsKeys("simulator.store", "simulator.webhooks.retry-delays",
				"simulator.idempotency.ttl", "simulator.retention.max-payments");
	}

	/** The default as the table writes it: a list as its items with commas between. */
	private static String listed(JsonNode value) {
		if (value.isArray()) {
			List<String> each = new ArrayList<>();
			value.forEach((item) -> each.add(item.asString()));
			return String.join(",", each);
		}
		String text = value.asString();
		return (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1).replace(", ", ",")
				: text;
	}

}
