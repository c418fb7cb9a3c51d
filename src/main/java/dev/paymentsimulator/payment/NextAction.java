package dev.paymentsimulator.payment;

/** Where the customer must go to finish 3-D Secure, and where they return afterwards. */
public record NextAction(String url, String returnUrl) {
}
