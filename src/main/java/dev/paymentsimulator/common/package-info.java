/**
 * What every module shares to answer the API the same way: the problem answers and their
 * codes, list pages and paging, the API filter stages and the card-number redaction. Uses
 * no other module.
 */
@NullMarked
package dev.paymentsimulator.common;

import org.jspecify.annotations.NullMarked;
