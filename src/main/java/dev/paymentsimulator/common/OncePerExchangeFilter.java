package dev.paymentsimulator.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that runs exactly once per exchange, in whichever dispatch first reaches it. A
 * request delayed by {@code Simulator-Latency} reaches the API filters only in its
 * asynchronous dispatch; a request that went asynchronous later (a long poll) has met
 * them already and must not meet them twice.
 */
public abstract class OncePerExchangeFilter extends OncePerRequestFilter {

	private final String ranAttribute = getClass().getName() + ".RAN";

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(this.ranAttribute) != null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(this.ranAttribute, Boolean.TRUE);
		doFilterOnce(request, response, chain);
	}

	protected abstract void doFilterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException;

}
