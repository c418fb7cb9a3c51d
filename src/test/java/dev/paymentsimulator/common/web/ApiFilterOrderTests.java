package dev.paymentsimulator.common.web;

import dev.paymentsimulator.common.ApiFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the API's filters, which correctness depends on (each place's reason is on
 * its {@link ApiFilter.Stage}; the behavioural suites check the effects, such as a
 * faulted answer never being replayed for its idempotency key). A change to this list
 * must be a decision, not an accident.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
class ApiFilterOrderTests {

	@Autowired
	@Qualifier("apiFilters")
	private FilterRegistrationBean<ApiFilterConfiguration.Stages> apiFilters;

	@Test
	void stagesRunInTheirDeclaredOrder() {
		assertThat(ApiFilter.Stage.values()).containsExactly(ApiFilter.Stage.ACCESS_LOG, ApiFilter.Stage.CORS,
				ApiFilter.Stage.SECURITY_HEADERS, ApiFilter.Stage.LATENCY, ApiFilter.Stage.REQUEST_SCREEN,
				ApiFilter.Stage.API_KEY, ApiFilter.Stage.FAULT, ApiFilter.Stage.IDEMPOTENCY);
	}

	@Test
	void theOneRegisteredFilterRunsEachStagesFilterInThatOrder() {
		assertThat(this.apiFilters.getFilter().stages()).extracting((filter) -> filter.getClass().getSimpleName())
			.containsExactly("AccessLogFilter", "CorsFilter", "SecurityHeadersFilter", "LatencyFilter",
					"RequestScreenFilter", "ApiKeyFilter", "FaultFilter", "IdempotencyFilter");
	}

}
