package dev.paymentsimulator.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Programs on the PATH that tests run when the machine has them. */
public final class Commands {

	private Commands() {
	}

	/** Where {@code command} is on the PATH; empty when it is not installed. */
	public static Optional<Path> onPath(String command) {
		String path = System.getenv("PATH");
		return (path != null)
				? Stream.of(path.split(":")).map((dir) -> Path.of(dir, command)).filter(Files::isExecutable).findFirst()
				: Optional.empty();
	}

}
