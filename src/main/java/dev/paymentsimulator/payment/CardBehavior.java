package dev.paymentsimulator.payment;

import dev.paymentsimulator.common.ErrorCode;

/** What the simulated network does with a card when it is confirmed. */
public enum CardBehavior {

	SUCCEEDS(Step.DIRECT, null),
	DECLINED_GENERIC(Step.DIRECT, PaymentError.declined("generic_decline", "Your card was declined.")),
	DECLINED_INSUFFICIENT_FUNDS(Step.DIRECT,
			PaymentError.declined("insufficient_funds", "Your card has insufficient funds.")),
	DECLINED_LOST_CARD(Step.DIRECT, PaymentError.declined("lost_card", "Your card was declined.")),
	DECLINED_STOLEN_CARD(Step.DIRECT, PaymentError.declined("stolen_card", "Your card was declined.")),
	DECLINED_FRAUDULENT(Step.DIRECT, PaymentError.declined("fraudulent", "Your card was declined.")),
	EXPIRED_CARD(Step.DIRECT, new PaymentError(ErrorCode.EXPIRED_CARD, null, "Your card has expired.")),
	INCORRECT_CVC(Step.DIRECT,
			new PaymentError(ErrorCode.INCORRECT_CVC, null, "Your card's security code is incorrect.")),
	PROCESSING_ERROR(Step.DIRECT,
			new PaymentError(ErrorCode.PROCESSING_ERROR, null,
					"An error occurred while processing your card. Try again in a little bit.")),
	THREE_D_SECURE(Step.CHALLENGE, null),
	THREE_D_SECURE_THEN_INSUFFICIENT_FUNDS(Step.CHALLENGE,
			PaymentError.declined("insufficient_funds", "Your card has insufficient funds.")),
	PROCESSING_THEN_SUCCEEDS(Step.PROCESSING, null);

	/** What happens between confirm and the network's answer. */
	enum Step {

		/** The answer comes at once. */
		DIRECT,
		/** The customer must pass 3-D Secure first. */
		CHALLENGE,
		/** The answer comes a few simulated seconds later. */
		PROCESSING

	}

	private final Step step;

	private final PaymentError decline;

	CardBehavior(Step step, PaymentError decline) {
		this.step = step;
		this.decline = decline;
	}

	Step step() {
		return this.step;
	}

	/** The network's final answer: {@code null} when it approves. */
	PaymentError decline() {
		return this.decline;
	}

}
