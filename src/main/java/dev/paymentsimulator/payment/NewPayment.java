package dev.paymentsimulator.payment;

import java.util.Map;

/**
 * What a merchant asks for when creating a payment.
 *
 * @param paymentMethod a card to attach, or {@code null}
 * @param confirm whether to confirm in the same call
 * @param returnUrl where 3-D Secure sends the customer back to, when confirming
 * @param pagesBaseUrl the public address of this service, for the 3-D Secure page; needed
 * only when confirming
 */
public record NewPayment(long amount, String currency, CaptureMethod captureMethod, String description,
		Map<String, String> metadata, PaymentMethodInput paymentMethod, boolean confirm, String returnUrl,
		String pagesBaseUrl) {
}
