/**
 * Namespaces and API keys: which namespace a request belongs to, from its key, and the
 * key checks and the keys endpoint. Uses only common.
 */
@NullMarked
package dev.paymentsimulator.account;

import org.jspecify.annotations.NullMarked;
