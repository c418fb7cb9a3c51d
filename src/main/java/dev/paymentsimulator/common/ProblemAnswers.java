package dev.paymentsimulator.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems a handler answers beside those that follow from its shape (its key, its
 * path id, its body, its query, an Idempotency-Key). The OpenAPI document lists each as
 * an example answer of the operation, and {@code ApiConformanceTests} provokes each one.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemAnswers {

	ErrorCode[] value();

}
