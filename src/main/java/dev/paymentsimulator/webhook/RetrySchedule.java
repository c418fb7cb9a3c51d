package dev.paymentsimulator.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;

/**
 * When a failed attempt is tried again: the configured delays with jitter, on the
 * namespace's simulated clock, or what a receiver's {@code Retry-After} asked for, never
 * longer than the longest delay.
 */
final class RetrySchedule {

	private final List<Duration> delays;

	private final double jitter;

	private final IdGenerator ids;

	private final Clock realClock;

	RetrySchedule(WebhookProperties properties, IdGenerator ids, Clock realClock) {
		this.delays = properties.retryDelays();
		this.jitter = properties.jitter();
		this.ids = ids;
		this.realClock = realClock;
	}

	/**
	 * When to try again after {@code attempt} failed; {@code null} once the schedule is
	 * spent.
	 * @param retryAfter the receiver's {@code Retry-After} header, or {@code null}
	 */
	Instant next(Namespace namespace, int attempt, String retryAfter, Instant now) {
		if (attempt > this.delays.size()) {
			return null;
		}
		Duration asked = parseRetryAfter(retryAfter);
		if (asked != null) {
			Duration longest = this.delays.stream().max(Duration::compareTo).orElse(asked);
			return wholeSecondAfter(now.plus((asked.compareTo(longest) > 0) ? longest : asked));
		}
		Duration delay = this.delays.get(attempt - 1);
		double spread = this.jitter * (2 * this.ids.randomFraction(namespace, "webhook_jitter") - 1);
		return wholeSecondAfter(now.plusMillis(Math.round(delay.toMillis() * (1 + spread))));
	}

	/**
	 * The API shows {@code next_attempt_at} in whole seconds; due times are whole seconds
	 * too, so advancing the clock to the shown second always fires the retry.
	 */
	private static Instant wholeSecondAfter(Instant instant) {
		Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
		return second.equals(instant) ? second : second.plusSeconds(1);
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	private Duration parseRetryAfter(String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.realClock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
