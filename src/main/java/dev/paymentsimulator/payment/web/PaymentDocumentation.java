package dev.paymentsimulator.payment.web;

import java.util.List;
import java.util.Map;

import dev.paymentsimulator.common.OpenApiSchemas;
import dev.paymentsimulator.payment.PaymentInputs;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The list's status filter, with the states of the payment's own {@code status}. The
 * payment's object fields that are {@code null} until the payment has one (a card, an
 * error, a 3-D Secure step). OpenAPI 3.0 ignores {@code nullable} beside a {@code $ref},
 * and swagger-core drops it there, so each is written as {@code allOf} its reference,
 * nullable.
 */
@Configuration(proxyBeanMethods = false)
class PaymentDocumentation {

	private static final List<String> NULLABLE_OBJECTS = List.of("payment_method", "last_error", "next_action");

	/**
	 * Metadata, wherever a schema has it, with the bounds its check applies; OpenAPI 3.0
	 * cannot bound a key's length, so the description says it.
	 */
	@SuppressWarnings("rawtypes")
	private static void boundMetadata(Schema schema) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties == null || !properties.containsKey("metadata")) {
			return;
		}
		properties.put("metadata",
				new ObjectSchema().maxProperties(PaymentInputs.METADATA_MAX_KEYS)
					.additionalProperties(new StringSchema().maxLength(PaymentInputs.METADATA_MAX_VALUE_LENGTH))
					.description("Up to " + PaymentInputs.METADATA_MAX_KEYS + " keys of at most "
							+ PaymentInputs.METADATA_MAX_KEY_LENGTH + " characters, each with a value of at most "
							+ PaymentInputs.METADATA_MAX_VALUE_LENGTH + " characters"));
	}

	@Bean
	OpenApiCustomizer nullablePaymentObjects() {
		return (openApi) -> {
			Schema<?> payment = openApi.getComponents().getSchemas().get("Payment");
			@SuppressWarnings("rawtypes")
			Map<String, Schema> properties = payment.getProperties();
			for (String name : NULLABLE_OBJECTS) {
				Schema<?> reference = properties.get(name);
				if (reference.get$ref() != null) {
					properties.put(name, OpenApiSchemas.nullable(reference));
				}
			}
			openApi.getComponents().getSchemas().values().forEach(PaymentDocumentation::boundMetadata);
			// the list's status filter takes the states a payment has
			openApi.getPaths()
				.get("/v1/payments")
				.getGet()
				.getParameters()
				.stream()
				.filter((parameter) -> parameter.getName().equals("status"))
				.forEach((parameter) -> parameter.setSchema(new StringSchema()
					._enum(properties.get("status").getEnum().stream().map(String::valueOf).toList())));
		};
	}

}
