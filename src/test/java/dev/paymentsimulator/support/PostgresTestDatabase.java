package dev.paymentsimulator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The database the PostgreSQL tests use: {@code SIMULATOR_TEST_DATABASE_URL},
 * {@code _USER} and {@code _PASSWORD}, by default the one {@code .ci/run} starts on
 * loopback. Each Spring context gets a fresh schema, so contexts never see each other's
 * data.
 */
public final class PostgresTestDatabase
		implements ExecutionCondition, ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String URL = env("SIMULATOR_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/simulator");

	public static final String USER = env("SIMULATOR_TEST_DATABASE_USER", "simulator");

	public static final String PASSWORD = env("SIMULATOR_TEST_DATABASE_PASSWORD", "simulator");

	private static volatile String unreachable;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = unreachable();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true, and the PostgreSQL store tests found no database at " + URL + " ("
					+ problem + "); .ci/run starts one");
		}
		return ConditionEvaluationResult.disabled("No PostgreSQL at " + URL + " (" + problem + ")");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String schema = newSchemaName();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("postgresTestSchema", properties(schema)));
		context.addApplicationListener((ContextClosedEvent closed) -> dropSchema(schema));
	}

	public static String newSchemaName() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/**
	 * Drops a test's schema once it is done with it, so test runs leave nothing behind.
	 */
	public static void dropSchema(String schema) {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test schema " + schema, ex);
		}
	}

	/** The properties that point an application at its own fresh schema. */
	public static Map<String, Object> properties(String schema) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("simulator.store", "postgres");
		properties.put("spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", USER);
		properties.put("spring.datasource.password", PASSWORD);
		properties.put("spring.flyway.schemas", schema);
		return properties;
	}

	/** Why the database cannot be reached, or {@code null} when it can. */
	private static String unreachable() {
		if (!checked) {
			DriverManager.setLoginTimeout(3);
			try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
				unreachable = null;
			}
			catch (SQLException ex) {
				unreachable = ex.getMessage();
			}
			checked = true;
		}
		return unreachable;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
