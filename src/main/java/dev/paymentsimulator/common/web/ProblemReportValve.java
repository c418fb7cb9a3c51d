package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.io.PrintWriter;

import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.MediaType;

/**
 * Answers what Tomcat refuses before any servlet runs, such as a path holding {@code %00}
 * or an encoded slash, as a problem like every other error, instead of Tomcat's HTML
 * page. What reaches Spring has been answered by then, and is left alone.
 */
final class ProblemReportValve extends ErrorReportValve {

	private final ProblemWriter problems;

	ProblemReportValve(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ErrorCode code = ErrorCode.forStatus(status);
		String detail = ProblemErrorController.detailFor(code);
		try {
			response.setStatus(code.status().value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(this.problems.json(code, detail, request.getRequestURI()));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the answer was already on its way: nothing to add
		}
	}

}
