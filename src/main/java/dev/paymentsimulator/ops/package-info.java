/**
 * What operators see: the access log and its writer thread, and the health endpoint. Uses
 * account and common.
 */
@NullMarked
package dev.paymentsimulator.ops;

import org.jspecify.annotations.NullMarked;
