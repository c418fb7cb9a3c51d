package dev.paymentsimulator.common;

import java.io.IOException;

/** Thrown while reading a request body once it passes the size limit. */
public class BodyTooLargeException extends IOException {

	private final int limit;

	public BodyTooLargeException(int limit) {
		super("Request body above " + limit + " bytes");
		this.limit = limit;
	}

	/** The answer to give: 413 {@code body_too_large}. */
	public ApiException problem() {
		return problem(this.limit);
	}

	public static ApiException problem(int limit) {
		return new ApiException(ErrorCode.BODY_TOO_LARGE, "The request body is larger than " + limit / 1024 + " KiB.");
	}

}
