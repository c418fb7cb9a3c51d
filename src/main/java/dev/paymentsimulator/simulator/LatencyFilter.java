package dev.paymentsimulator.simulator;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ApiFilter;
import dev.paymentsimulator.common.ApiFilter.Stage;
import dev.paymentsimulator.common.ProblemWriter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Simulator-Latency: <ms>} delays a request before it is served, to test spinners
 * and client timeouts. The request is parked asynchronously and dispatched again when the
 * time is up, so waiting holds no server thread.
 */
@ApiFilter(Stage.LATENCY)
class LatencyFilter extends OncePerRequestFilter implements DisposableBean {

	static final String HEADER = "Simulator-Latency";

	static final long MAX_MS = 30_000;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulator-latency");
		thread.setDaemon(true);
		return thread;
	});

	private final ProblemWriter problems;

	LatencyFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null || request.getDispatcherType() != DispatcherType.REQUEST;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long delay;
		try {
			delay = Long.parseLong(request.getHeader(HEADER).trim());
		}
		catch (NumberFormatException ex) {
			delay = -1;
		}
		if (delay < 0 || delay > MAX_MS) {
			this.problems.write(request, response,
					ApiException.invalid(HEADER, HEADER + " must be whole milliseconds from 0 to " + MAX_MS + "."));
			return;
		}
		if (delay == 0) {
			chain.doFilter(request, response);
			return;
		}
		AsyncContext parked = request.startAsync(request, response);
		parked.setTimeout(delay + MAX_MS);
		this.timer.schedule(() -> {
			parked.dispatch();
		}, delay, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
