package dev.paymentsimulator.event.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.common.OpenApiSchemas;
import dev.paymentsimulator.common.RawJson;
import dev.paymentsimulator.payment.PaymentEventType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
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

	private static final String RAW_PAGE = "ListPageRawJson";

	private static final String EVENT_PAGE = "ListPageEvent";

	static {
		SpringDocUtils.getConfig().replaceWithSchema(RawJson.class, OpenApiSchemas.reference(EVENT));
	}

	/**
	 * The Event component, and the page of events named for what it holds rather than for
	 * {@link RawJson}, as generated clients name their classes after it.
	 */
	@Bean
	OpenApiCustomizer eventSchema() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(EVENT, event());
			eventTypesWhereTheyAreAsked(openApi);
			Schema<?> page = openApi.getComponents().getSchemas().remove(RAW_PAGE);
			if (page != null) {
				openApi.getComponents().addSchemas(EVENT_PAGE, page);
				openApi.getPaths()
					.values()
					.forEach((item) -> item.readOperations()
						.forEach((operation) -> operation.getResponses()
							.values()
							.stream()
							.filter((response) -> response.getContent() != null)
							.flatMap((response) -> response.getContent().values().stream())
							.filter((media) -> media.getSchema() != null
									&& OpenApiSchemas.reference(RAW_PAGE).get$ref().equals(media.getSchema().get$ref()))
							.forEach((media) -> media.setSchema(OpenApiSchemas.reference(EVENT_PAGE)))));
			}
		};
	}

	/**
	 * The filters by type, the trigger's event and an endpoint's enabled events take the
	 * event types; an endpoint takes {@code *} too.
	 */
	private static void eventTypesWhereTheyAreAsked(OpenAPI openApi) {
		for (String path : List.of("/v1/events", "/v1/events/wait")) {
			openApi.getPaths()
				.get(path)
				.getGet()
				.getParameters()
				.stream()
				.filter((parameter) -> parameter.getName().equals("type"))
				.forEach((parameter) -> parameter.setSchema(new StringSchema()._enum(types())));
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		schemas.get("Trigger").getProperties().put("event", new StringSchema()._enum(types()));
		List<String> enabled = new ArrayList<>(types());
		enabled.add(0, "*");
		for (String endpoint : List.of("CreateEndpoint", "UpdateEndpoint")) {
			schemas.get(endpoint)
				.getProperties()
				.put("enabled_events",
						new ArraySchema().items(new StringSchema()._enum(enabled))
							.minItems(1)
							.description("The event types it receives; * for all"));
		}
	}

	private static List<String> types() {
		return Arrays.stream(PaymentEventType.values()).map(PaymentEventType::value).toList();
	}

	private static Schema<?> event() {
		List<String> types = types();
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
