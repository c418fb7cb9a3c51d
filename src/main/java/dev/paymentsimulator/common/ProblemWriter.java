package dev.paymentsimulator.common;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds every RFC 9457 answer the service gives, so an error looks the same whether a
 * controller, a filter or the servlet container raised it.
 */
@Component
public class ProblemWriter {

	private static final String TYPE_PREFIX = "urn:payment-simulator:problem:";

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public ProblemDetail problem(ApiException failure, String path) {
		return problem(failure.code(), failure.getMessage(), failure.facts(), path);
	}

	public ProblemDetail problem(ErrorCode code, String detail, Map<String, ?> facts, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(URI.create(TYPE_PREFIX + code.value()));
		problem.setTitle(code.status().getReasonPhrase());
		problem.setInstance(instance(path));
		problem.setProperty("code", code.value());
		facts.forEach(problem::setProperty);
		return problem;
	}

	/**
	 * The problem as JSON text, for a writer that takes text (Tomcat's error reporter).
	 */
	public String json(ErrorCode code, String detail, String path) {
		return this.json.writeValueAsString(problem(code, detail, Map.of(), path));
	}

	/** Answers from outside Spring MVC, where no message converter is at hand. */
	public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure)
			throws IOException {
		byte[] body = this.json.writeValueAsBytes(problem(failure, request.getRequestURI()));
		response.setStatus(failure.code().status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static URI instance(String path) {
		try {
			return (path != null) ? URI.create(path) : null;
		}
		catch (IllegalArgumentException ex) {
			// a path the client mangled is not worth echoing
			return null;
		}
	}

}
