package dev.paymentsimulator.common.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OpenApiProblems;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.ProblemAnswers;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
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
			.addSecurityItem(new SecurityRequirement().addList("apiKey"))
			// generators take the first server; "/" is the one that served this
			.servers(List.of(new Server().url("http://localhost:8080").description("The simulator on its default port"),
					new Server().url("/").description("The simulator that served this document")))
			.tags(ApiOperations.TAGS);
	}

	@Bean
	OpenApiCustomizer apiOperations() {
		return new ApiOperations();
	}

	/** The problems a handler declares with {@link ProblemAnswers}. */
	@Bean
	OperationCustomizer declaredProblems() {
		return (operation, handler) -> {
			ProblemAnswers declared = handler.getMethodAnnotation(ProblemAnswers.class);
			if (declared != null) {
				add(operation.getResponses(), declared.value());
			}
			return operation;
		};
	}

	/**
	 * The problems that follow from an operation's shape: any API call may come from a
	 * refused origin, refuse its Accept header or be asked to fail; a path id may be
	 * missing; a page may be asked for badly; a body may be broken, unknown or too large;
	 * and a POST takes an Idempotency-Key.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return (openApi) -> {
			// added here rather than on the bean: springdoc drops components nothing
			// refers to yet
			openApi.getComponents().addSchemas(OpenApiProblems.SCHEMA, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (!path.startsWith("/v1/")) {
					operation.setSecurity(List.of());
					return;
				}
				ApiResponses responses = operation.getResponses();
				add(responses, ErrorCode.ORIGIN_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.INTERNAL_ERROR);
				simulatorHeaders(operation);
				if (path.contains("{")) {
					add(responses, ErrorCode.RESOURCE_MISSING);
				}
				operation.getParameters()
					.stream()
					.filter((parameter) -> parameter.getName().equals("limit"))
					.forEach((limit) -> {
						limit.setSchema(new IntegerSchema().minimum(BigDecimal.ONE)
							.maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
							._default(PageRequest.DEFAULT_LIMIT));
						add(responses, ErrorCode.PARAMETER_INVALID);
					});
				if (operation.getRequestBody() != null) {
					add(responses, ErrorCode.INVALID_JSON, ErrorCode.PARAMETER_INVALID, ErrorCode.PARAMETER_UNKNOWN,
							ErrorCode.UNSUPPORTED_MEDIA_TYPE);
					if (hasRequiredFields(openApi, operation)) {
						add(responses, ErrorCode.PARAMETER_MISSING);
					}
				}
				if (method == PathItem.HttpMethod.POST) {
					add(responses, ErrorCode.BODY_TOO_LARGE);
					idempotency(operation);
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

	private static void add(ApiResponses responses, ErrorCode... codes) {
		Arrays.stream(codes).forEach((code) -> OpenApiProblems.add(responses, code));
	}

	private static boolean hasRequiredFields(OpenAPI openApi, Operation operation) {
		return operation.getRequestBody()
			.getContent()
			.values()
			.stream()
			.map(MediaType::getSchema)
			.anyMatch((schema) -> {
				Schema<?> resolved = (schema.get$ref() != null) ? openApi.getComponents()
					.getSchemas()
					.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)) : schema;
				return resolved != null && resolved.getRequired() != null && !resolved.getRequired().isEmpty();
			});
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
	 * Idempotent-Replayed. Answers to requests that ran are kept, declines and conflicts
	 * among them; those refused before running are not.
	 */
	private static void idempotency(Operation operation) {
		operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
			.description("Makes retries safe: the same key and body answer what the first call answered")
			.schema(new StringSchema().minLength(1).maxLength(255)));
		add(operation.getResponses(), ErrorCode.IDEMPOTENCY_KEY_IN_USE);
		// a reset forgets the namespace's keys, its own too: never replayed
		if (!operation.getOperationId().equals("resetNamespace")) {
			add(operation.getResponses(), ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}
		operation.getResponses().forEach((status, response) -> {
			if (status.startsWith("2") || List.of("402", "404", "409").contains(status)) {
				response.addHeaderObject("Idempotent-Replayed",
						new Header().description(
								"true when this is the kept answer to an earlier call with the same Idempotency-Key")
							.schema(new StringSchema()._enum(List.of("true"))));
			}
		});
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
