package dev.paymentsimulator.common;

import org.springframework.http.HttpStatus;

/**
 * Every {@code code} a problem answer can carry, with the HTTP status it always goes
 * with. Clients branch on the code; the status follows from it.
 */
public enum ErrorCode {

	PARAMETER_MISSING(HttpStatus.BAD_REQUEST, "A required field is missing; param names it"),
	PARAMETER_INVALID(HttpStatus.BAD_REQUEST, "A field or query parameter has a bad value; param names it"),
	PARAMETER_UNKNOWN(HttpStatus.BAD_REQUEST, "The body has a field the API does not know; param names it"),
	INVALID_JSON(HttpStatus.BAD_REQUEST, "The body is not JSON, or not a JSON object"),
	AMOUNT_TOO_LARGE(HttpStatus.BAD_REQUEST, "More than is left to capture or to refund"),
	INCORRECT_NUMBER(HttpStatus.BAD_REQUEST, "The card number is not Luhn-valid"),
	INVALID_API_KEY(HttpStatus.UNAUTHORIZED, "Malformed or refused API key"),
	CARD_DECLINED(HttpStatus.PAYMENT_REQUIRED,
			"The card was declined; decline_code says why, and the payment is failed"),
	EXPIRED_CARD(HttpStatus.PAYMENT_REQUIRED, "The card has expired; the payment is failed"),
	INCORRECT_CVC(HttpStatus.PAYMENT_REQUIRED, "The security code is wrong; the payment is failed"),
	PROCESSING_ERROR(HttpStatus.PAYMENT_REQUIRED, "The card network failed; the payment is failed"),
	SECRET_KEY_REQUIRED(HttpStatus.FORBIDDEN, "A publishable key where a secret key is needed"),
	ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN, "A browser origin that simulator.cors.allowed-origins does not list"),
	LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, "One more would pass the most the simulator keeps"),
	RESOURCE_MISSING(HttpStatus.NOT_FOUND, "No such object in this key's namespace"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "The path does not take this method"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "An Accept header that excludes what the path answers"),
	PAYMENT_INVALID_STATE(HttpStatus.CONFLICT, "The state machine forbids the move"),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "The same Idempotency-Key is still being answered"),
	BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than 64 KiB"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "The Idempotency-Key was used with another request"),
	TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "Nothing matched within the time asked for"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Only when Simulator-Fault asked for a failure");

	private final HttpStatus status;

	private final String meaning;

	ErrorCode(HttpStatus status, String meaning) {
		this.status = status;
		this.meaning = meaning;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** When a client meets the code, in one line, as the OpenAPI document says it. */
	public String meaning() {
		return this.meaning;
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
