package dev.paymentsimulator.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a client caused or can act on. It carries the facts (code, a sentence for
 * people, extra fields such as {@code param} or {@code payment_id}); the problem advice
 * turns it into an RFC 9457 answer.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> facts;

	public ApiException(ErrorCode code, String detail) {
		this(code, detail, Map.of());
	}

	public ApiException(ErrorCode code, String detail, Map<String, ?> facts) {
		super(detail, null, false, false);
		this.code = code;
		this.facts = new LinkedHashMap<>(facts);
	}

	public ErrorCode code() {
		return this.code;
	}

	/** Extra problem members, in the order they should appear. */
	public Map<String, Object> facts() {
		return this.facts;
	}

	public static ApiException missing(String param) {
		return new ApiException(ErrorCode.PARAMETER_MISSING, "Missing required parameter: " + param + ".",
				Map.of("param", param));
	}

	public static ApiException invalid(String param, String detail) {
		return new ApiException(ErrorCode.PARAMETER_INVALID, detail, Map.of("param", param));
	}

	public static ApiException notFound(String kind, String id) {
		return new ApiException(ErrorCode.RESOURCE_MISSING, "No such " + kind + ": '" + id + "'.");
	}

}
