package dev.paymentsimulator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring Boot test against the PostgreSQL store, in a schema of its own. Skipped
 * when no database answers, unless {@code CI=true}: there a missing database fails the
 * build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresTestDatabase.class)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
// The store is chosen, and its URL checked, before the context starts, so both must
// be known up front; the initializer then points the URL at the context's own schema.
@TestPropertySource(properties = { "simulator.store=postgres",
		"spring.datasource.url=${SIMULATOR_TEST_DATABASE_URL:jdbc:postgresql://127.0.0.1:5432/simulator}",
		"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1" })
public @interface UsePostgres {

}
