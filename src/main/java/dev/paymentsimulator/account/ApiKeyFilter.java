package dev.paymentsimulator.account;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import dev.paymentsimulator.common.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;

/**
 * Admits a request and gives it its namespace. Every path needs a key (where keys are
 * required) except the few listed here as open; a path is open only when spelled plainly,
 * so no spelling the dispatcher would route elsewhere slips past. Keys travel as
 * {@code Authorization: Bearer …} or as the user name of HTTP Basic, and are never logged
 * or echoed.
 */
@ApiFilter(Stage.API_KEY)
class ApiKeyFilter extends OncePerExchangeFilter {

	/** The pages, their files, the health probes and the API documents. */
	private static final Set<String> OPEN_PATHS = Set.of("/health", "/actuator/health", "/dashboard", "/dashboard/",
			"/checkout.html", "/3ds.html", "/dashboard.html", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs.yaml");

	private static final List<String> OPEN_PREFIXES = List.of("/actuator/health/", "/checkout/", "/3ds/", "/css/",
			"/js/", "/swagger-ui/", "/v3/api-docs/");

	/**
	 * Only these may be called with a publishable key (and the payment's client secret).
	 */
	private static final Pattern PUBLISHABLE_GET = Pattern.compile("/v1/payments/[^/]+");

	private static final Pattern PUBLISHABLE_POST = Pattern
		.compile("/v1/payments/[^/]+/confirm|/v1/simulator/payments/[^/]+/challenge");

	private final KeyRing keys;

	private final ProblemWriter problems;

	ApiKeyFilter(KeyRing keys, ProblemWriter problems) {
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return CorsUtils.isPreFlightRequest(request) || isOpen(request);
	}

	private static boolean isOpen(HttpServletRequest request) {
		if (!RequestPaths.isPlain(request)) {
			return false;
		}
		String path = request.getRequestURI();
		return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller;
		try {
			caller = this.keys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
			if (!RequestPaths.isPlain(request)) {
				throw ApiException.invalid("path", "Spell the path plainly: without ';' parameters, percent-encoding"
						+ " or empty, '.' and '..' segments.");
			}
			if (caller.publishable() && !publishableMayCall(request.getMethod(), request.getRequestURI())) {
				throw new ApiException(ErrorCode.SECRET_KEY_REQUIRED,
						"A publishable key may only retrieve and confirm a payment; use the secret key (sk_test_…).");
			}
		}
		catch (ApiException refused) {
			this.problems.write(request, response, refused);
			return;
		}
		request.setAttribute(Namespace.REQUEST_ATTRIBUTE, caller.namespace());
		request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
		chain.doFilter(request, response);
	}

	/**
	 * Also asked by the OpenAPI document, with path templates such as
	 * {@code /v1/payments/{id}}.
	 */
	static boolean publishableMayCall(String method, String path) {
		return switch (method) {
			case "GET" -> PUBLISHABLE_GET.matcher(path).matches();
			case "POST" -> PUBLISHABLE_POST.matcher(path).matches();
			default -> false;
		};
	}

}
