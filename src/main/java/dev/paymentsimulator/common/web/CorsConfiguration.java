package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.util.List;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemWriter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets a checkout page on another origin call the API from the browser. A filter rather
 * than MVC mappings, so preflights pass before the API key is asked for, and refusals
 * (401, 413, …) carry CORS headers a browser can read. By default only pages served from
 * this machine may call: any other web page a developer happens to visit could otherwise
 * drive the simulator on {@code localhost} behind their back.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

	static final List<String> LOOPBACK_ORIGINS = List.of("http://localhost:[*]", "http://127.0.0.1:[*]",
			"http://[::1]:[*]", "https://localhost:[*]", "https://127.0.0.1:[*]", "https://[::1]:[*]");

	/**
	 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com})
	 * that may call the API; {@code *} for any; the loopback origins on any port when
	 * unset
	 */
	@ConfigurationProperties("simulator.cors")
	record CorsProperties(List<String> allowedOrigins) {

		CorsProperties {
			allowedOrigins = (allowedOrigins != null && !allowedOrigins.isEmpty()) ? List.copyOf(allowedOrigins)
					: LOOPBACK_ORIGINS;
		}

	}

	@Bean
	@ApiFilter(ApiFilter.Stage.CORS)
	CorsFilter corsFilter(CorsProperties properties, ProblemWriter problems) {
		org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
		// patterns, so that an allowed origin is echoed rather than "*", which Private
		// Network Access preflights do not accept
		cors.setAllowedOriginPatterns(properties.allowedOrigins());
		cors.setAllowPrivateNetwork(true);
		cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(
				List.of("Authorization", "Idempotency-Key", "Content-Type", "Simulator-Latency", "Simulator-Fault"));
		cors.setExposedHeaders(List.of("Idempotent-Replayed", "Location"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", cors);
		// simulator.js is imported as a module by shop pages on other origins
		source.registerCorsConfiguration("/js/**", cors);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	/**
	 * Refuses a request from an origin that is not allowed with a problem, not plain
	 * text.
	 */
	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final ProblemWriter problems;

		ProblemCorsProcessor(ProblemWriter problems) {
			this.problems = problems;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			this.problems.write(((ServletServerHttpResponse) response).getServletResponse(),
					new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED,
							"This origin may not call the simulator; list it in simulator.cors.allowed-origins."),
					null);
		}

	}

}
