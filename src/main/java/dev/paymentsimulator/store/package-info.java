/**
 * The store switch (simulator.store: memory or postgres), decided before any bean exists;
 * the conditions that pick each store's beans; the transactions every store joins
 * (Spring's {@code TransactionOperations}: a real one on PostgreSQL, none in memory); the
 * JSON and time helpers of the JDBC stores; forgetting a namespace on reset. Uses account
 * and common.
 */
@NullMarked
package dev.paymentsimulator.store;

import org.jspecify.annotations.NullMarked;
