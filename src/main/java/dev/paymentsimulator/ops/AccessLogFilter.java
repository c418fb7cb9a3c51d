package dev.paymentsimulator.ops;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.CardNumbers;
import dev.paymentsimulator.common.RequestPaths;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per API request, with its facts as structured fields: method, path, status,
 * duration, namespace, payment id and idempotency key. The path is the one the server
 * resolved, so {@code /v1;x/payments} is logged as {@code /v1/payments}. Never the query
 * string (a browser sends client secrets there) and never the API key.
 */
@ApiFilter(Stage.ACCESS_LOG)
class AccessLogFilter extends OncePerRequestFilter {

	static final String LOGGER_NAME = "dev.paymentsimulator.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

	private static final String PAYMENT_ID_START = "/pay_";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !RequestPaths.normalised(request).startsWith("/v1/") || !log.isInfoEnabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new AsyncListener() {
					@Override
					public void onComplete(AsyncEvent event) {
						write(request, response, started);
					}

					@Override
					public void onTimeout(AsyncEvent event) {
					}

					@Override
					public void onError(AsyncEvent event) {
					}

					@Override
					public void onStartAsync(AsyncEvent event) {
					}
				});
			}
			else {
				write(request, response, started);
			}
		}
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, long started) {
		long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		Object namespace = request.getAttribute(Namespace.REQUEST_ATTRIBUTE);
		// a client may put anything in a path or a key, a card number included
		String path = CardNumbers.redact(RequestPaths.normalised(request));
		String paymentId = paymentId(path, response.getHeader(HttpHeaders.LOCATION));
		String key = CardNumbers.redact(request.getHeader("Idempotency-Key"));
		log.atInfo()
			.setMessage("{} {} {} {}ms")
			.addArgument(request.getMethod())
			.addArgument(path)
			.addArgument(response.getStatus())
			.addArgument(durationMs)
			.addKeyValue("method", request.getMethod())
			.addKeyValue("path", path)
			.addKeyValue("status", response.getStatus())
			.addKeyValue("duration_ms", durationMs)
			.addKeyValue("namespace", (namespace != null) ? namespace.toString() : null)
			.addKeyValue("payment_id", paymentId)
			.addKeyValue("idempotency_key", key)
			.log();
	}

	private static String paymentId(String path, String location) {
		String id = paymentIdIn(path);
		return (id != null || location == null) ? id : paymentIdIn(location);
	}

	/** The first {@code pay_} id after a slash; scanned, not matched, on every line. */
	private static String paymentIdIn(String text) {
		for (int slash = text.indexOf(PAYMENT_ID_START); slash >= 0; slash = text.indexOf(PAYMENT_ID_START,
				slash + 1)) {
			int end = slash + PAYMENT_ID_START.length();
			while (end < text.length() && isIdChar(text.charAt(end))) {
				end++;
			}
			if (end > slash + PAYMENT_ID_START.length()) {
				return text.substring(slash + 1, end);
			}
		}
		return null;
	}

	private static boolean isIdChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
