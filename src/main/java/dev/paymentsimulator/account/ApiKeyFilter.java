package dev.paymentsimulator.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;

/**
 * Turns the API key into the request's namespace, for everything under {@code /v1}. Keys
 * travel as {@code Authorization: Bearer …} or as the user name of HTTP Basic. A key is
 * never logged or echoed, and allow-listed keys are compared in constant time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class ApiKeyFilter extends OncePerExchangeFilter {

	/**
	 * Only these may be called with a publishable key (and the payment's client secret).
	 */
	private static final Pattern PUBLISHABLE_GET = Pattern.compile("/v1/payments/[^/]+");

	private static final Pattern PUBLISHABLE_POST = Pattern
		.compile("/v1/payments/[^/]+/confirm|/v1/simulator/payments/[^/]+/challenge");

	private final AuthProperties properties;

	private final ProblemWriter problems;

	ApiKeyFilter(AuthProperties properties, ProblemWriter problems) {
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/v1/") || CorsUtils.isPreFlightRequest(request);
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller;
		try {
			caller = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
			if (caller.publishable() && !publishableMayCall(request)) {
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

	private Caller authenticate(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			if (this.properties.keyRequired()) {
				throw invalid("An API key is required: send Authorization: Bearer sk_test_<name>.");
			}
			return Caller.DEFAULT;
		}
		ApiKey key = keyIn(authorization.trim()).flatMap(ApiKey::parse)
			.orElseThrow(() -> invalid("The Authorization header holds no valid key. Send Authorization: Bearer"
					+ " sk_test_<name> (or pk_test_<name>), or HTTP Basic with the key as user name."));
		if (!this.properties.apiKeys().isEmpty() && !allowed(key.secretTwin())) {
			throw invalid("This API key is not accepted here.");
		}
		return new Caller(key.namespace(), key.publishable());
	}

	private static Optional<String> keyIn(String authorization) {
		int space = authorization.indexOf(' ');
		if (space < 0) {
			return Optional.empty();
		}
		String scheme = authorization.substring(0, space);
		String credentials = authorization.substring(space + 1).trim();
		if (scheme.equalsIgnoreCase("Bearer")) {
			return Optional.of(credentials);
		}
		if (scheme.equalsIgnoreCase("Basic")) {
			try {
				String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of((colon >= 0) ? decoded.substring(0, colon) : decoded);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** Looks at every allowed key, whatever matches, so timing tells nothing. */
	private boolean allowed(String secretKey) {
		byte[] candidate = secretKey.getBytes(StandardCharsets.UTF_8);
		boolean found = false;
		for (String allowed : this.properties.apiKeys()) {
			found |= MessageDigest.isEqual(candidate, allowed.getBytes(StandardCharsets.UTF_8));
		}
		return found;
	}

	private static boolean publishableMayCall(HttpServletRequest request) {
		String path = request.getRequestURI();
		return switch (request.getMethod()) {
			case "GET" -> PUBLISHABLE_GET.matcher(path).matches();
			case "POST" -> PUBLISHABLE_POST.matcher(path).matches();
			default -> false;
		};
	}

	private static ApiException invalid(String detail) {
		return new ApiException(ErrorCode.INVALID_API_KEY, detail);
	}

}
