package dev.paymentsimulator.payment;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * What is kept of a card: never its number or CVC, only what a receipt shows, a keyed
 * fingerprint, and how the simulated network treats it.
 */
public record Card(String brand, String last4, int expMonth, int expYear, String fingerprint, CardBehavior behavior) {

	/** A card is valid through the last day of its expiry month. */
	boolean isExpiredAt(Instant now) {
		return YearMonth.of(this.expYear, this.expMonth).isBefore(YearMonth.from(now.atOffset(ZoneOffset.UTC)));
	}

}
