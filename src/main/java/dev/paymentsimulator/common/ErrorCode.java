package dev.paymentsimulator.common;

import org.springframework.http.HttpStatus;

/**
 * Every {@code code} a problem answer can carry, with the HTTP status it always goes
 * with. Clients branch on the code; the status follows from it.
 */
public enum ErrorCode {

	PARAMETER_MISSING(HttpStatus.BAD_REQUEST), PARAMETER_INVALID(HttpStatus.BAD_REQUEST),
	PARAMETER_UNKNOWN(HttpStatus.BAD_REQUEST), INVALID_JSON(HttpStatus.BAD_REQUEST),
	AMOUNT_TOO_LARGE(HttpStatus.BAD_REQUEST), INCORRECT_NUMBER(HttpStatus.BAD_REQUEST),
	INVALID_API_KEY(HttpStatus.UNAUTHORIZED), CARD_DECLINED(HttpStatus.PAYMENT_REQUIRED),
	EXPIRED_CARD(HttpStatus.PAYMENT_REQUIRED), INCORRECT_CVC(HttpStatus.PAYMENT_REQUIRED),
	PROCESSING_ERROR(HttpStatus.PAYMENT_REQUIRED), SECRET_KEY_REQUIRED(HttpStatus.FORBIDDEN),
	ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN), LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST),
	RESOURCE_MISSING(HttpStatus.NOT_FOUND), METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE), PAYMENT_INVALID_STATE(HttpStatus.CONFLICT),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT), BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
	TIMEOUT(HttpStatus.REQUEST_TIMEOUT), INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The wire form, as clients see it in {@code code}. */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The code a bare HTTP status maps to when nothing more specific is known. */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 401 -> INVALID_API_KEY;
			case 403 -> SECRET_KEY_REQUIRED;
			case 404 -> RESOURCE_MISSING;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> BODY_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			// a transfer coding or an HTTP version the server does not speak: the
			// client's request is at fault, not the simulator
			case 501, 505 -> PARAMETER_INVALID;
			default -> (status >= 400 && status < 500) ? PARAMETER_INVALID : INTERNAL_ERROR;
		};
	}

}
