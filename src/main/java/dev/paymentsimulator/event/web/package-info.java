/**
 * The events endpoints: list, retrieve and the long poll on events/wait.
 */
@NullMarked
package dev.paymentsimulator.event.web;

import org.jspecify.annotations.NullMarked;
