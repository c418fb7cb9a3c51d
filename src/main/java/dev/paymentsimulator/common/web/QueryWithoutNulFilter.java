package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.util.Locale;

import dev.paymentsimulator.common.OncePerExchangeFilter;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses a query parameter that holds the NUL character ({@code %00}), as JSON text is
 * refused: PostgreSQL cannot compare it, and no filter or cursor needs it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class QueryWithoutNulFilter extends OncePerExchangeFilter {

	private static final String NUL = "%00";

	private final ProblemWriter problems;

	QueryWithoutNulFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(Locale.ROOT).contains(NUL)) {
			this.problems.write(request, response, TextWithoutNul.refused(parameterHolding(query)));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String parameterHolding(String query) {
		for (String pair : query.split("&")) {
			if (pair.toLowerCase(Locale.ROOT).contains(NUL)) {
				int equals = pair.indexOf('=');
				return (equals >= 0) ? pair.substring(0, equals) : pair;
			}
		}
		return "query";
	}

}
