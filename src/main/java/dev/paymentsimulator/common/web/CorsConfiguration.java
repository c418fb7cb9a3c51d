package dev.paymentsimulator.common.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets a checkout page on another origin call the API from the browser. A filter rather
 * than MVC mappings, so preflights pass before the API key is asked for, and refusals
 * (401, 413, …) carry CORS headers a browser can read.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

	/**
	 * @param allowedOrigins origins that may call the API; {@code *} for any
	 */
	@ConfigurationProperties("simulator.cors")
	record CorsProperties(List<String> allowedOrigins) {

		CorsProperties {
			allowedOrigins = (allowedOrigins != null && !allowedOrigins.isEmpty()) ? List.copyOf(allowedOrigins)
					: List.of("*");
		}

	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
		org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(
				List.of("Authorization", "Idempotency-Key", "Content-Type", "Simulator-Latency", "Simulator-Fault"));
		cors.setExposedHeaders(List.of("Idempotent-Replayed", "Location"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", cors);
		// simulator.js is imported as a module by shop pages on other origins
		source.registerCorsConfiguration("/js/**", cors);
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
