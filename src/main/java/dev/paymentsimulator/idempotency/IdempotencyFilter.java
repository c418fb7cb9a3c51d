package dev.paymentsimulator.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.paymentsimulator.account.Caller;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.BodyTooLargeException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every {@code POST} with an {@code Idempotency-Key} safe to retry: the first
 * request with a key runs and its complete answer is kept; the same request again gets
 * that answer back byte for byte, and nothing runs twice.
 */
@ApiFilter(Stage.IDEMPOTENCY)
class IdempotencyFilter extends OncePerExchangeFilter {

	static final String KEY_HEADER = "Idempotency-Key";

	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 255;

	private static final byte[] PUBLISHABLE_MARK = "publishable\n".getBytes(StandardCharsets.US_ASCII);

	private final IdempotencyStore store;

	private final SimulatorClock clock;

	private final ProblemWriter problems;

	private final Counter replays;

	/**
	 * Claim tokens: this process's random name and a counter. Unique across instances
	 * that share a database, even with the same seed, and with no lock per request, which
	 * a random UUID takes on the JDK's shared {@code SecureRandom}.
	 */
	private final String claimPrefix = Long.toHexString(new SecureRandom().nextLong()) + "-";

	private final AtomicLong claims = new AtomicLong();

	IdempotencyFilter(IdempotencyStore store, SimulatorClock clock, ProblemWriter problems, MeterRegistry registry) {
		this.store = store;
		this.clock = clock;
		this.problems = problems;
		this.replays = registry.counter("simulator.idempotency.replays");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(KEY_HEADER);
		if (!isValidKey(key)) {
			this.problems.write(request, response,
					ApiException.invalid(KEY_HEADER, "Idempotency-Key must be 1 to 255 printable ASCII characters."));
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (BodyTooLargeException tooLarge) {
			// it never ran, so nothing is kept under the key
			this.problems.write(request, response, tooLarge.problem());
			return;
		}
		Namespace namespace = Namespace.of(request);
		IdempotencyStore.Key storeKey = new IdempotencyStore.Key(namespace, key);
		IdempotencyStore.Fingerprint fingerprint = new IdempotencyStore.Fingerprint(request.getMethod(),
				request.getRequestURI(), hash(Caller.of(request).publishable(), body));
		IdempotencyStore.Running claim = new IdempotencyStore.Running(fingerprint,
				this.claimPrefix + this.claims.incrementAndGet());
		IdempotencyStore.Entry holder = this.store.claim(storeKey, claim, this.clock.now(namespace));
		if (holder == null) {
			run(new CachedBodyRequest(request, body), response, chain, storeKey, claim);
		}
		else if (!holder.fingerprint().sameRequest(fingerprint)) {
			this.problems.write(request, response,
					new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
							"Idempotency-Key '" + key
									+ "' was already used for another request; use a new key for a new request.",
							Map.of("param", KEY_HEADER)));
		}
		else if (holder instanceof IdempotencyStore.Answer answer) {
			this.replays.increment();
			replay(answer, response);
		}
		else {
			this.problems.write(request, response, new ApiException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
					"A request with Idempotency-Key '" + key + "' is still running; retry once it has answered."));
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			IdempotencyStore.Key key, IdempotencyStore.Running claim) throws ServletException, IOException {
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, recorded);
			if (isKept(recorded.getStatus())) {
				this.store.complete(key, claim, recorded.getStatus(), recorded.getContentType(),
						recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray(),
						this.clock.now(key.namespace()));
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.store.release(key, claim);
			}
		}
		recorded.copyBodyToResponse();
	}

	/**
	 * Answers of requests that ran are kept, declines and conflicts included; those that
	 * never got to run (bad input, refused keys) or failed inside are not, so a client
	 * may fix the request and retry with the same key.
	 */
	private static boolean isKept(int status) {
		return switch (status) {
			case 400, 401, 403, 405, 413, 415 -> false;
			default -> status < 500;
		};
	}

	private static void replay(IdempotencyStore.Answer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		if (answer.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, answer.location());
		}
		response.setHeader(REPLAYED_HEADER, "true");
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	static boolean isValidKey(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		return key.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E);
	}

	/**
	 * The SHA-256 of the body, marked when a publishable key sent it: the browser
	 * repeating a key the merchant's server used must not be handed the server's answer.
	 */
	private static byte[] hash(boolean publishable, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			if (publishable) {
				digest.update(PUBLISHABLE_MARK);
			}
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** The request with its body already read, so the controller can read it again. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Blocking reads only");
				}
			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
