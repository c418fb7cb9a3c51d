package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.util.stream.Collectors;

import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ApiFilter.Stage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the browser is told about every answer. Pages run only the scripts they are served
 * with, never inline ones, so a value slipped into a page cannot run as script in this
 * origin (where the dashboard keeps a secret key); no page may be framed, except the 3-D
 * Secure page by the origins allowed to call the API, as gateways show the challenge in a
 * frame over the shop. No address leaves in a {@code Referer}: a checkout link holds the
 * payment's client secret.
 */
@ApiFilter(Stage.SECURITY_HEADERS)
class SecurityHeadersFilter extends OncePerRequestFilter {

	private static final String PAGE_SOURCES = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

	private static final String PAGE_POLICY = PAGE_SOURCES + "frame-ancestors 'none'";

	/** Swagger UI sets styles inline and draws its icons from data URLs. */
	private static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	private final String challengePolicy;

	SecurityHeadersFilter(CorsConfiguration.CorsProperties cors) {
		this.challengePolicy = PAGE_SOURCES + "frame-ancestors 'self'"
				+ cors.allowedOrigins()
					.stream()
					.map((origin) -> origin.replace(":[*]", ":*"))
					// CSP has no way to write an IPv6 address or a list of ports
					.filter((source) -> !source.contains("["))
					.map((source) -> " " + source)
					.collect(Collectors.joining());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", policyFor(request.getRequestURI()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		chain.doFilter(request, response);
	}

	private String policyFor(String path) {
		if (path.startsWith("/3ds/") || path.equals("/3ds.html")) {
			return this.challengePolicy;
		}
		if (path.startsWith("/checkout/") || path.startsWith("/dashboard") || path.equals("/checkout.html")) {
			return PAGE_POLICY;
		}
		if (path.startsWith("/swagger-ui")) {
			return DOCS_POLICY;
		}
		return API_POLICY;
	}

}
