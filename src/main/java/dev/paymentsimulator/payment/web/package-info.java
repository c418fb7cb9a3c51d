/**
 * The payments and refunds endpoints, the 3-D Secure challenge and the parsing of payment
 * methods.
 */
@NullMarked
package dev.paymentsimulator.payment.web;

import org.jspecify.annotations.NullMarked;
