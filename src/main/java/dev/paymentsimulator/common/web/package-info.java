/**
 * The web layer's set-up for every module: JSON, the problem answers of the server and of
 * Spring MVC, the request screen, CORS, security headers, the OpenAPI document and the
 * one servlet filter that runs every API filter stage in order.
 */
@NullMarked
package dev.paymentsimulator.common.web;

import org.jspecify.annotations.NullMarked;
