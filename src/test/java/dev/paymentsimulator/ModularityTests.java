package dev.paymentsimulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules talk through their public types only; no module reaches into another's insides,
 * and no two depend on each other. Each run also writes the modules' diagrams and
 * canvases into {@code docs/modules}, so what is committed there shows the code as it is.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(PaymentSimulatorApplication.class);

	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesADiagramOfAllModulesAndACanvasForEach() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
		sortRelations();
		for (ApplicationModule module : MODULES) {
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).exists();
		}
		// the overview draws only modules that use or are used by another one
		assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("\"Payment\"", "\"Webhook\"",
				"\"Store\"", "\"Clock\"", "Rel(");
	}

	/**
	 * The Documenter writes a diagram's relations in an order that changes from run to
	 * run; sorted, a build leaves the committed diagrams alone unless the modules
	 * changed.
	 */
	private static void sortRelations() throws IOException {
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(diagram);
				List<String> relations = lines.stream().filter((line) -> line.startsWith("Rel(")).sorted().toList();
				Iterator<String> sorted = relations.iterator();
				List<String> written = new ArrayList<>(lines.size());
				for (String line : lines) {
					written.add(line.startsWith("Rel(") ? sorted.next() : line);
				}
				Files.write(diagram, written);
			}
		}
	}

}
