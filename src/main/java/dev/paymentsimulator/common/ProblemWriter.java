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

	/**
	 * The problem answer. A detail, fact or path that quotes the request has any card
	 * number in it redacted, whichever field the client put it in.
	 */
	public ProblemDetail problem(ErrorCode code, String detail, Map<String, ?> facts, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), CardNumbers.redact(detail));
		problem.setType(URI.create(TYPE_PREFIX + code.value()));
		problem.setTitle(code.status().getReasonPhrase());
		problem.setInstance(instance(CardNumbers.redact(path)));
		problem.setProperty("code", code.value());
		facts.forEach((name, value) -> problem.setProperty(name,
				(value instanceof String text) ? CardNumbers.redact(text) : value));
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
		write(response, failure, request.getRequestURI());
	}

	/** Answers where the request is out of reach; {@code path} may be {@code null}. */
	public void write(HttpServletResponse response, ApiException failure, String path) throws IOException {
		byte[] body = this.json.writeValueAsBytes(problem(failure, path));
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
