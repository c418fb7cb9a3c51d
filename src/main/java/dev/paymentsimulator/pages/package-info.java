/**
 * The hosted pages' routes: checkout, 3-D Secure and the dashboard; their files are
 * static resources. Uses no other module.
 */
@NullMarked
package dev.paymentsimulator.pages;

import org.jspecify.annotations.NullMarked;
