package dev.paymentsimulator.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.web.servlet.FilterRegistration;
import org.springframework.stereotype.Component;

/**
 * Marks a filter as one stage of the simulator's own filter, which runs every stage in
 * the order of {@link Stage}. Spring Boot does not register a stage with the servlet
 * container on its own: the container takes a synchronized lookup and a URL match per
 * registered filter on every request, and the stages are eight.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@FilterRegistration(enabled = false)
public @interface ApiFilter {

	Stage value();

	/** The stages, in the order a request meets them. */
	enum Stage {

		/** First, so that its duration and status cover every stage after it. */
		ACCESS_LOG,

		/** Answers preflights and refuses other origins before anything else is said. */
		CORS,

		/** On every answer, refusals of the stages below included. */
		SECURITY_HEADERS,

		/**
		 * {@code Simulator-Latency} parks the request before any other work; the stages
		 * below run in its asynchronous dispatch.
		 */
		LATENCY,

		/**
		 * Refuses bodies and query strings no handler could read, before the key check
		 * reads anything.
		 */
		REQUEST_SCREEN,

		/**
		 * Which namespace a request works in, which the fault and the idempotency stages
		 * need.
		 */
		API_KEY,

		/**
		 * {@code Simulator-Fault} before idempotency: a faulted answer must not be kept
		 * and replayed as the real one.
		 */
		FAULT,

		/** Last, so that the answer it keeps is the one the handler gave. */
		IDEMPOTENCY

	}

}
