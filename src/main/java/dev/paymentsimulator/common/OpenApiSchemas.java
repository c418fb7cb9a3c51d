package dev.paymentsimulator.common;

import java.util.List;

import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * How the modules that describe their own schemas in the OpenAPI document point at
 * others.
 */
public final class OpenApiSchemas {

	private OpenApiSchemas() {
	}

	/** A reference to one of the document's component schemas. */
	public static Schema<?> reference(String component) {
		return new Schema<>().$ref("#/components/schemas/" + component);
	}

	/**
	 * A reference that may be {@code null}. OpenAPI 3.0 ignores {@code nullable} beside a
	 * {@code $ref} and reads it only with a type, so it is {@code allOf} the reference,
	 * typed object, nullable.
	 */
	public static Schema<?> nullable(Schema<?> reference) {
		return new ComposedSchema().allOf(List.of(reference)).type("object").nullable(true);
	}

}
