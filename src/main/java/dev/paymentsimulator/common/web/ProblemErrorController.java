package dev.paymentsimulator.common.web;

import java.util.Map;

import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container itself rejects (before Spring MVC sees it) in the
 * same problem format, instead of Boot's default error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final ProblemWriter problems;

	ProblemErrorController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		ErrorCode errorCode = ErrorCode.forStatus(code);
		String detail = detailFor(errorCode);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail problem = this.problems.problem(errorCode, detail, Map.of(),
				(path != null) ? path.toString() : null);
		return ResponseEntity.status(errorCode.status()).body(problem);
	}

	/** What to say of a refusal whose status is all that is known. */
	static String detailFor(ErrorCode code) {
		return (code == ErrorCode.INTERNAL_ERROR) ? "Something went wrong inside the simulator."
				: "The request cannot be served as sent.";
	}

}
