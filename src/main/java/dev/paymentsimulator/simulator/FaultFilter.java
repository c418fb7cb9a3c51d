package dev.paymentsimulator.simulator;

import java.io.IOException;
import java.lang.reflect.Field;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Response;
import org.apache.catalina.connector.ResponseFacade;
import org.apache.coyote.ActionCode;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Simulator-Fault} provokes the failures a client must survive. It sits outside
 * the idempotency filter, so after a fault that follows the commit the real answer is
 * kept under the request's {@code Idempotency-Key} and a retry receives it.
 */
@ApiFilter(Stage.FAULT)
class FaultFilter extends OncePerExchangeFilter {

	static final String HEADER = "Simulator-Fault";

	private final ProblemWriter problems;

	FaultFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String fault = request.getHeader(HEADER).trim();
		switch (fault) {
			case "error_before" -> this.problems.write(request, response, injected("before anything was done"));
			case "error_after_commit" -> {
				chain.doFilter(request, new ContentCachingResponseWrapper(response));
				response.reset();
				this.problems.write(request, response, injected("after the change was stored"));
			}
			case "drop_after_commit" -> {
				chain.doFilter(request, new ContentCachingResponseWrapper(response));
				response.reset();
				dropConnection(response);
			}
			default -> this.problems.write(request, response, ApiException.invalid(HEADER,
					HEADER + " must be error_before, error_after_commit or drop_after_commit."));
		}
	}

	private static ApiException injected(String when) {
		return new ApiException(ErrorCode.INTERNAL_ERROR,
				"Simulated failure " + when + ", as Simulator-Fault asked. Retry with the same Idempotency-Key.");
	}

	/** Closes the connection without a byte of answer, as a network drop would. */
	private static void dropConnection(HttpServletResponse response) {
		ServletResponse unwrapped = response;
		while (unwrapped instanceof ServletResponseWrapper wrapper) {
			unwrapped = wrapper.getResponse();
		}
		if (!(unwrapped instanceof ResponseFacade facade)) {
			throw new IllegalStateException("drop_after_commit needs the embedded Tomcat");
		}
		try {
			Field field = ResponseFacade.class.getDeclaredField("response");
			field.setAccessible(true);
			((Response) field.get(facade)).getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot reach Tomcat's response to drop the connection", ex);
		}
	}

}
