package dev.paymentsimulator.payment;

/** A card as a client hands it over: a test token or the card's own details. */
public sealed interface PaymentMethodInput {

	/** A test token such as {@code pm_card_visa}. */
	record Token(String name) implements PaymentMethodInput {
	}

	/**
	 * Raw card details. They only pass through: {@link TestCards} turns them into a
	 * {@link Card} and nothing else keeps them.
	 */
	record RawCard(String number, Integer expMonth, Integer expYear, String cvc) implements PaymentMethodInput {

		@Override
		public String toString() {
			return "RawCard[number=redacted, cvc=redacted]";
		}

	}

}
