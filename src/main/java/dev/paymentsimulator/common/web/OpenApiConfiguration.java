package dev.paymentsimulator.common.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.paymentsimulator.common.OpenApiSchemas;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document that Postman, Insomnia and Swagger UI import: the API key as a
 * security scheme, and every operation's problem answers with an example.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "Problem";

	static {
		// payment_method is the only JsonNode in the API: a test token, or a card
		Schema<?> card = new ObjectSchema().addProperty("number", new StringSchema().example("4242424242424242"))
			.addProperty("exp_month", new IntegerSchema().example(12))
			.addProperty("exp_year", new IntegerSchema().example(2030))
			.addProperty("cvc", new StringSchema().example("123"))
			.required(List.of("number", "exp_month", "exp_year"));
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class,
					new ComposedSchema()
						.oneOf(List.of(new StringSchema().description("A test token").example("pm_card_visa"),
								new ObjectSchema().addProperty("card", card).required(List.of("card"))))
						.description("A test token such as pm_card_visa, or a card"));
	}

	/**
	 * swagger-core reads models with its own (Jackson 2) mapper; it must name properties
	 * in snake_case as the API does.
	 */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OpenAPI simulatorOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Payment Simulator")
				.version("v1")
				.description("A payment gateway for development and CI. Amounts are integers in the currency's minor"
						+ " unit; every error is application/problem+json with a code.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components().addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("sk_test_<namespace>, or pk_test_<namespace> with a client_secret")))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

	@Bean
	OpenApiCustomizer apiOperations() {
		return new ApiOperations();
	}

	/**
	 * Adds the problem answers every operation can give, and an example body to create.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return (openApi) -> {
			// added here rather than on the bean: springdoc drops components nothing
			// refers to yet
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				if (path.equals("/health")) {
					operation.setSecurity(List.of());
					return;
				}
				add(operation.getResponses(), "400", "Bad input; param names the field", "parameter_invalid");
				add(operation.getResponses(), "401", "Malformed or refused API key", "invalid_api_key");
				add(operation.getResponses(), "403", "A publishable key where a secret key is needed",
						"secret_key_required");
				add(operation.getResponses(), "404", "No such object in this key's namespace", "resource_missing");
				add(operation.getResponses(), "500", "Only when Simulator-Fault asked for a failure", "internal_error");
				simulatorHeaders(operation);
				if (item.getPost() == operation) {
					idempotency(operation);
				}
				if (path.contains("/payments")) {
					add(operation.getResponses(), "409", "The state machine forbids the move", "payment_invalid_state");
				}
				if (path.startsWith("/v1/payments") && (path.endsWith("/confirm") || path.equals("/v1/payments"))
						&& operation.getRequestBody() != null) {
					add(operation.getResponses(), "402", "The card was declined; the payment is now failed",
							"card_declined");
				}
				if (path.equals("/v1/payments") && operation.getRequestBody() != null) {
					operation.getRequestBody()
						.getContent()
						.values()
						.forEach((media) -> media.addExamples("confirmWithCard",
								new Example().summary("Create and confirm")
									.value(Map.of("amount", 1999, "currency", "usd", "confirm", true, "payment_method",
											"pm_card_visa"))));
				}
			}));
		};
	}

	/**
	 * Headers that every API operation reads, for tests that want slow or failing
	 * answers.
	 */
	private static void simulatorHeaders(Operation operation) {
		operation.addParametersItem(new HeaderParameter().name("Simulator-Latency")
			.description("Holds the answer this many milliseconds")
			.schema(new IntegerSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(30_000))));
		operation.addParametersItem(new HeaderParameter().name("Simulator-Fault")
			.description("Answers 500 before or after the change is stored, or drops the connection after it")
			.schema(new StringSchema()._enum(List.of("error_before", "error_after_commit", "drop_after_commit"))));
	}

	/**
	 * A POST may carry an Idempotency-Key: a retry gets the kept answer, marked
	 * Idempotent-Replayed.
	 */
	private static void idempotency(Operation operation) {
		operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
			.description("Makes retries safe: the same key and body answer what the first call answered")
			.schema(new StringSchema().minLength(1).maxLength(255)));
		operation.getResponses().forEach((status, response) -> {
			if (status.startsWith("2")) {
				response.addHeaderObject("Idempotent-Replayed",
						new Header().description(
								"true when this is the kept answer to an earlier call with the same Idempotency-Key")
							.schema(new StringSchema()._enum(List.of("true"))));
			}
		});
		add(operation.getResponses(), "409", "The same Idempotency-Key is still being answered",
				"idempotency_key_in_use");
		add(operation.getResponses(), "422", "The Idempotency-Key was used with another request",
				"idempotency_key_reused");
		if (operation.getRequestBody() != null) {
			add(operation.getResponses(), "413", "The body is larger than the API reads", "body_too_large");
			add(operation.getResponses(), "415", "The body is not application/json", "unsupported_media_type");
		}
	}

	/**
	 * A problem answer with its example; beside the examples already there for the
	 * status.
	 */
	private static void add(ApiResponses responses, String status, String description, String code) {
		Map<String, Object> example = Map.of("type", "urn:payment-simulator:problem:" + code, "title", description,
				"status", Integer.parseInt(status), "detail", description + ".", "code", code);
		ApiResponse existing = responses.get(status);
		if (existing != null && existing.getContent() != null) {
			existing.getContent().values().forEach((media) -> media.addExamples(code, new Example().value(example)));
			return;
		}
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(OpenApiSchemas.reference(PROBLEM))
								.addExamples(code, new Example().value(example)))));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details with the simulator's code")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("code", new StringSchema())
			.addProperty("param", new StringSchema())
			.addProperty("payment_id", new StringSchema())
			.addProperty("decline_code", new StringSchema())
			.required(List.of("type", "title", "status", "code"));
	}

}
