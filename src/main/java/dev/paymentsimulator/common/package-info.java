/**
 * What every module shares to answer the API the same way: the problem answers and their
 * codes, list pages and paging, the API filter stages, the card-number redaction, and the
 * compact map that stored metadata and headers are kept in. Uses no other module.
 */
@NullMarked
package dev.paymentsimulator.common;

import org.jspecify.annotations.NullMarked;
