package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.util.Locale;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.BodyTooLargeException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Refuses, before anything reads it, a request no handler could read. A query parameter
 * holding the NUL character ({@code %00}) is refused as JSON text holding it is:
 * PostgreSQL cannot compare it, and no filter or cursor needs it. A {@code Content-Type}
 * that is not one concrete media type ({@code *}{@code /*}, {@code application/*},
 * garbage) is refused with 415, since no converter can read it. Bodies above 64 KiB are
 * refused with 413: at once when the declared length says so, otherwise as soon as
 * reading passes the limit, so a chunked upload cannot grow without bound. An API call
 * whose {@code Accept} excludes what its path answers (JSON; server-sent events for the
 * live stream), or cannot be read, is refused with 406 before it runs, not after a
 * payment was made that the client cannot be told of.
 */
@ApiFilter(Stage.REQUEST_SCREEN)
class RequestScreenFilter extends OncePerExchangeFilter {

	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final String NUL = "%00";

	/**
	 * The one API path that answers with server-sent events rather than JSON; an Accept
	 * is checked against what its path answers.
	 */
	private static final String STREAM = "/v1/simulator/stream";

	private final ProblemWriter problems;

	RequestScreenFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(Locale.ROOT).contains(NUL)) {
			this.problems.write(request, response, TextWithoutNul.refused(parameterHolding(query)));
			return;
		}
		if (!isConcrete(request.getContentType())) {
			this.problems.write(request, response, new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must name one media type; send the body as JSON with Content-Type: application/json."));
			return;
		}
		MediaType answers = request.getRequestURI().equals(STREAM) ? MediaType.TEXT_EVENT_STREAM
				: MediaType.APPLICATION_JSON;
		if (request.getRequestURI().startsWith("/v1/") && !accepts(request.getHeader(HttpHeaders.ACCEPT), answers)) {
			this.problems.write(request, response,
					new ApiException(ErrorCode.NOT_ACCEPTABLE, "This path answers with " + answers + " only."));
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			this.problems.write(request, response, BodyTooLargeException.problem(MAX_BODY_BYTES));
			return;
		}
		chain.doFilter(new LimitedRequest(request), response);
	}

	private static String parameterHolding(String query) {
		for (String pair : query.split("&")) {
			if (pair.toLowerCase(Locale.ROOT).contains(NUL)) {
				int equals = pair.indexOf('=');
				return (equals >= 0) ? pair.substring(0, equals) : pair;
			}
		}
		return "query";
	}

	private static boolean accepts(String accept, MediaType answers) {
		if (accept == null) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch((type) -> type.isCompatibleWith(answers));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean isConcrete(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedInputStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		LimitedInputStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > MAX_BODY_BYTES) {
				throw new BodyTooLargeException(MAX_BODY_BYTES);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
