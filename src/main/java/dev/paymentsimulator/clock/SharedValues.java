package dev.paymentsimulator.clock;

import java.util.function.Supplier;

/**
 * Values made once and then kept for the life of the store, such as the key of card
 * fingerprints and each namespace's default webhook secret: every instance sharing a
 * store must agree on them. Reset does not forget them.
 */
public interface SharedValues {

	/**
	 * The value kept under {@code name}; the first caller's {@code fresh} value when none
	 * was kept yet.
	 */
	String remember(String name, Supplier<String> fresh);

}
