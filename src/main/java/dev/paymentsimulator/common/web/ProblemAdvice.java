package dev.paymentsimulator.common.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.BodyTooLargeException;
import dev.paymentsimulator.common.CardNumbers;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place failures become answers. Domain exceptions carry their code and facts;
 * Spring MVC's own exceptions are translated here into the contract's codes, with
 * {@code param} naming the field at fault. Nothing of an exception's own message reaches
 * the client: it may quote the request, and a request may hold a card number.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final ProblemWriter problems;

	ProblemAdvice(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
		return answer(ex, new HttpHeaders(), request);
	}

	/**
	 * Tomcat decodes query parameters lazily and throws when one is not percent-encoded
	 * UTF-8 ({@code %C3%28}, an encoded surrogate): the client's mistake, not ours.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException ex, WebRequest request) {
		return answer(new ApiException(ErrorCode.PARAMETER_INVALID,
				"A query parameter is not valid UTF-8 once percent-decoded."), new HttpHeaders(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure answering {}", CardNumbers.redact(path(request)), ex);
		return answer(
				new ApiException(ErrorCode.INTERNAL_ERROR,
						"Something went wrong inside the simulator. This is a bug; the request may be retried."),
				new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		return answer(translate(ex, statusCode, request), headers, request);
	}

	private ResponseEntity<Object> answer(ApiException failure, HttpHeaders headers, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& servlet.getResponse().isCommitted()) {
			return null;
		}
		return ResponseEntity.status(failure.code().status())
			.headers(headers)
			.body(this.problems.problem(failure, path(request)));
	}

	private static ApiException translate(Exception ex, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentNotValidException invalid) {
			return fieldError(invalid);
		}
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadable(unreadable);
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return ApiException.invalid(mismatch.getName(), mismatch.getName() + " has the wrong type.");
		}
		if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
			return ApiException.invalid(mismatch.getPropertyName(),
					mismatch.getPropertyName() + " has the wrong type.");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return ApiException.missing(missing.getParameterName());
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
					method.getMethod() + " is not allowed here; this path takes " + String.join(", ", List
						.of(method.getSupportedMethods() != null ? method.getSupportedMethods() : new String[0]))
							+ ".");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Send the body as JSON with Content-Type: application/json.");
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return new ApiException(ErrorCode.NOT_ACCEPTABLE, "This API answers with application/json only.");
		}
		if (ex instanceof NoResourceFoundException) {
			String method = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getMethod() : "";
			return new ApiException(ErrorCode.RESOURCE_MISSING,
					"No such endpoint: " + method + " " + path(request) + ".");
		}
		ErrorCode code = ErrorCode.forStatus(status.value());
		return new ApiException(code, (code == ErrorCode.INTERNAL_ERROR) ? "Something went wrong inside the simulator."
				: "The request cannot be served as sent.");
	}

	private static ApiException fieldError(MethodArgumentNotValidException ex) {
		FieldError error = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.min(Comparator.comparing(FieldError::getField))
			.orElse(null);
		if (error == null) {
			return new ApiException(ErrorCode.PARAMETER_INVALID, "The request body is not valid.");
		}
		String param = JsonNames.snakeCase(error.getField());
		if (error.getRejectedValue() == null) {
			return ApiException.missing(param);
		}
		return ApiException.invalid(param, param + " " + error.getDefaultMessage() + ".");
	}

	private static ApiException unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return tooLarge.problem();
			}
		}
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			String param = JsonNames.path(unknown);
			return new ApiException(ErrorCode.PARAMETER_UNKNOWN, "Unknown parameter: " + param + ".",
					Map.of("param", param));
		}
		if (ex.getCause() instanceof TextWithoutNul.NulCharacterException nul) {
			String param = JsonNames.path(nul);
			return TextWithoutNul.refused(param);
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch) {
			String param = JsonNames.path(mismatch);
			if (param.isEmpty()) {
				return new ApiException(ErrorCode.INVALID_JSON, "The body must be a JSON object.");
			}
			return ApiException.invalid(param,
					param + " must be " + JsonNames.describe(mismatch.getTargetType()) + ".");
		}
		if (ex.getCause() instanceof InputCoercionException coercion && !JsonNames.path(coercion).isEmpty()) {
			String param = JsonNames.path(coercion);
			return ApiException.invalid(param, param + " is out of range.");
		}
		if (ex.getCause() instanceof StreamReadException broken) {
			var location = broken.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			return new ApiException(ErrorCode.INVALID_JSON, "The body is not valid JSON" + where + ".");
		}
		if (ex.getCause() instanceof JacksonException) {
			return new ApiException(ErrorCode.INVALID_JSON, "The body does not fit this request.");
		}
		return new ApiException(ErrorCode.INVALID_JSON, "This request needs a JSON body.");
	}

	private static String path(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			return http.getRequestURI();
		}
		return null;
	}

}
