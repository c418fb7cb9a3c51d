package dev.paymentsimulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads {@code simulator.store}: {@code memory} (the default) keeps the world in this
 * process; {@code postgres} keeps it in the database {@code spring.datasource.*} names,
 * shared by every instance using it. It is read here, before any bean exists, because it
 * decides which beans exist.
 * <p>
 * Keeps Spring Boot from building a {@code DataSource} unless the PostgreSQL store is
 * chosen: the JDBC and Flyway starters are always on the classpath, and without this the
 * default in-memory mode would fail for want of a database URL. With PostgreSQL, the
 * database joins the readiness probe.
 */
class StoreEnvironment implements EnvironmentPostProcessor {

	private static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String READINESS = "management.endpoint.health.group.readiness.include";

	private static final String THREADS_MAX = "server.tomcat.threads.max";

	private static final String THREADS_MIN_SPARE = "server.tomcat.threads.min-spare";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String store = environment.getProperty("simulator.store", "memory").trim();
		if (store.equalsIgnoreCase("postgres")) {
			if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
				throw new IllegalArgumentException("simulator.store=postgres needs spring.datasource.url "
						+ "(SPRING_DATASOURCE_URL), such as jdbc:postgresql://localhost:5432/simulator");
			}
			if (StringUtils.hasText(environment.getProperty("simulator.seed"))) {
				// seeded ids start over with every process, so a restarted instance, or a
				// second one, would make ids the database already holds
				throw new IllegalArgumentException("simulator.seed cannot be used with simulator.store=postgres: "
						+ "seeded ids start over with each process and would repeat stored ones; "
						+ "use the in-memory store for seeded, repeatable runs");
			}
			// a replica that cannot reach the database should get no traffic; added last,
			// so the user's own readiness group wins
			environment.getPropertySources()
				.addLast(new MapPropertySource("simulatorPostgresStore", Map.of(READINESS, "readinessState,db")));
			return;
		}
		if (!store.equalsIgnoreCase("memory")) {
			// checked here, before any bean: otherwise an unknown store would
			// surface as a missing bean
			throw new IllegalArgumentException("simulator.store takes memory or postgres, was '" + store + "'");
		}
		// bound, not read as one property: a YAML list is
		// spring.autoconfigure.exclude[0]…
		List<String> excluded = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		excluded.add(DATA_SOURCE_AUTO_CONFIGURATION);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("simulatorMemoryStore", Map.of(EXCLUDE, String.join(",", excluded))));
		// In memory a request never waits on I/O (long polls and simulated latency park
		// asynchronously), so threads beyond a few per core only contend: on two cores,
		// creates ran 1.6 to 2 times as fast with 4 request threads as with Tomcat's 200.
		// Added last, so any setting of the user's wins.
		int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		environment.getPropertySources()
			.addLast(new MapPropertySource("simulatorMemoryStoreThreads",
					Map.of(THREADS_MAX, threads, THREADS_MIN_SPARE, threads)));
	}

}
