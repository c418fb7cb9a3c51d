package dev.paymentsimulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StoreEnvironmentTests {

	private static final int FEW = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

	@Test
	void inMemoryRequestsRunOnAFewThreadsPerCore() {
		StandardEnvironment environment = environment(Map.of());

		assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(FEW);
		assertThat(environment.getProperty("server.tomcat.threads.min-spare", Integer.class)).isEqualTo(FEW);
	}

	@Test
	void theUsersThreadSettingWins() {
		StandardEnvironment environment = environment(Map.of("server.tomcat.threads.max", "50"));

		assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(50);
	}

	@Test
	void withPostgresTomcatKeepsItsThreadsForRequestsThatWaitOnTheDatabase() {
		StandardEnvironment environment = environment(
				Map.of("simulator.store", "postgres", "spring.datasource.url", "jdbc:postgresql://localhost/none"));

		assertThat(environment.getProperty("server.tomcat.threads.max")).isNull();
	}

	@Test
	void inMemoryTheUsersExclusionsStayBesideTheDataSourceOne() {
		StandardEnvironment environment = environment(Map.of("spring.autoconfigure.exclude[0]", "com.example.One",
				"spring.autoconfigure.exclude[1]", "com.example.Two"));

		assertThat(Binder.get(environment).bind("spring.autoconfigure.exclude", String[].class).get()).containsExactly(
				"com.example.One", "com.example.Two",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
	}

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("user", settings));
		new StoreEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
