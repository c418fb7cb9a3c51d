package dev.paymentsimulator.event.web;

import java.util.Arrays;
import java.util.List;

import dev.paymentsimulator.common.OpenApiSchemas;
import dev.paymentsimulator.common.RawJson;
import dev.paymentsimulator.payment.PaymentEventType;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events in the OpenAPI document. The API writes each event as JSON rendered once
 * ({@link RawJson}), which springdoc can only call a string; the document declares the
 * object it is instead, so that generated clients read events without a cast.
 */
@Configuration(proxyBeanMethods = false)
class EventDocumentation {

	private static final String EVENT = "Event";

	static {
		SpringDocUtils.getConfig().replaceWithSchema(RawJson.class, OpenApiSchemas.reference(EVENT));
	}

	@Bean
	OpenApiCustomizer eventSchema() {
		return (openApi) -> openApi.getComponents().addSchemas(EVENT, event());
	}

	private static Schema<?> event() {
		List<String> types = Arrays.stream(PaymentEventType.values()).map(PaymentEventType::value).toList();
		Schema<?> refund = OpenApiSchemas.nullable(OpenApiSchemas.reference("Refund"))
			.description("The refund made, for payment.refunded; null for every other type");
		Schema<?> data = new ObjectSchema()
			.addProperty("payment",
					OpenApiSchemas.reference("Payment").description("The payment right after the change"))
			.addProperty("refund", refund)
			.required(List.of("payment", "refund"));
		return new ObjectSchema().description("One change of a payment, as the API lists it and webhooks deliver it")
			.addProperty("id", new StringSchema().example("evt_MlKh5ZTzUWOziwLAwJIeuQTQ"))
			.addProperty("object", new StringSchema()._enum(List.of("event")))
			.addProperty("type", new StringSchema()._enum(types))
			.addProperty("created", new IntegerSchema().format("int64").description("Unix seconds, simulated clock"))
			.addProperty("timestamp", new StringSchema().format("date-time"))
			.addProperty("data", data)
			.required(List.of("id", "object", "type", "created", "timestamp", "data"));
	}

}
