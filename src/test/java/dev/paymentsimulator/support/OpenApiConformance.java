package dev.paymentsimulator.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.paymentsimulator.support.Api.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks real exchanges against the OpenAPI document the simulator serves, as a generated
 * client would meet them: the answer's status is one the operation declares, its content
 * type and headers are declared, and its body validates against the declared schema with
 * a JSON Schema validator (OpenAPI 3.0's dialect, so {@code nullable} counts). A request
 * the API accepted must be one the document allows a client to send.
 * <p>
 * Objects are checked strictly: a field the document does not declare is a mismatch,
 * because a generated client would drop it.
 */
public final class OpenApiConformance {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DOCUMENT = "https://payment-simulator.test/openapi.json";

	/** Headers the API writes whose meaning a client needs; each must be declared. */
	private static final List<String> API_HEADERS = List.of("Location", "Idempotent-Replayed");

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final List<Operation> operations = new ArrayList<>();

	private final Set<String> answeredProblems = new TreeSet<>();

	public OpenApiConformance(JsonNode served) {
		ObjectNode strict = (ObjectNode) served.deepCopy();
		closeObjects(strict.path("components"));
		closeObjects(strict.path("paths"));
		this.document = strict;
		this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
				(builder) -> builder.schemas(Map.of(DOCUMENT, JSON.writeValueAsString(strict))));
		strict.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (method.getValue().has("responses")) {
				this.operations
					.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
			}
		}));
		// a literal segment wins over a template: /v1/events/wait is not an event id
		this.operations.sort(Comparator.comparingLong(
				(Operation operation) -> operation.template.chars().filter((character) -> character == '{').count()));
	}

	/**
	 * Fails with the first mismatch between the exchange and the document.
	 * @param method the request's method
	 * @param target the request's path and query
	 * @param requestBody the JSON sent, or {@code null}
	 * @param answer what the simulator answered
	 */
	public void check(String method, String target, String requestBody, Answer answer) {
		Operation operation = find(method, target);
		String where = method + " " + target + " (" + operation.id() + ") answered " + answer.status();
		JsonNode response = operation.node.path("responses").path(Integer.toString(answer.status()));
		String responsePointer = operation.pointer + "/responses/" + answer.status();
		if (response.isMissingNode()) {
			throw new AssertionError(where + ", a status the document does not declare: " + answer.body());
		}
		checkHeaders(where, response, responsePointer, answer);
		checkBody(where, response, responsePointer, answer);
		if (answer.contentType().startsWith("application/problem+json")) {
			this.answeredProblems
				.add(problem(operation.id(), answer.status(), JSON.readTree(answer.body()).path("code").asString()));
		}
		// an operation that takes no body ignores one
		if (answer.status() < 300 && requestBody != null && operation.node.has("requestBody")) {
			checkRequest(where, operation, requestBody);
		}
	}

	/**
	 * Every problem example the document gives: {@code "operationId status code"}.
	 */
	public Set<String> documentedProblems() {
		Set<String> documented = new TreeSet<>();
		for (Operation operation : this.operations) {
			operation.node.path("responses")
				.properties()
				.forEach((response) -> response.getValue()
					.path("content")
					.path("application/problem+json")
					.path("examples")
					.propertyNames()
					.forEach((code) -> documented
						.add(problem(operation.id(), Integer.parseInt(response.getKey()), code))));
		}
		return documented;
	}

	/** Every problem answered so far, as {@link #documentedProblems()} names them. */
	public Set<String> answeredProblems() {
		return new TreeSet<>(this.answeredProblems);
	}

	/** The operation that serves the request, as {@link #operations()} names it. */
	public String operation(String method, String target) {
		Operation operation = find(method, target);
		return operation.method + " " + operation.template;
	}

	/** The document's operations, as {@code "METHOD /path/{template}"}. */
	public List<String> operations() {
		return this.operations.stream().map((operation) -> operation.method + " " + operation.template).toList();
	}

	private Operation find(String method, String target) {
		String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
		return this.operations.stream()
			.filter((candidate) -> candidate.method.equals(method) && candidate.pattern.matcher(path).matches())
			.findFirst()
			.orElseThrow(() -> new AssertionError("the document has no operation for " + method + " " + path));
	}

	private void checkHeaders(String where, JsonNode response, String responsePointer, Answer answer) {
		JsonNode declared = response.path("headers");
		for (String name : API_HEADERS) {
			if (answer.header(name) != null && !declared.has(name)) {
				throw new AssertionError(where + " with header " + name + ", which the document does not declare");
			}
		}
		declared.properties().forEach((header) -> {
			String value = answer.header(header.getKey());
			if (value == null) {
				if (header.getValue().path("required").asBoolean()) {
					throw new AssertionError(where + " without the required header " + header.getKey());
				}
				return;
			}
			JsonNode schema = header.getValue().path("schema");
			JsonNode typed = schema.path("type").asString().equals("integer") ? JSON.readTree(value)
					: JSON.getNodeFactory().stringNode(value);
			validate(where + " with header " + header.getKey(),
					responsePointer + "/headers/" + escape(header.getKey()) + "/schema", typed);
		});
	}

	private void checkBody(String where, JsonNode response, String responsePointer, Answer answer) {
		JsonNode content = response.path("content");
		if (answer.body().isEmpty()) {
			if (!content.isMissingNode() && !content.isEmpty()) {
				throw new AssertionError(
						where + " with no body, where the document declares " + content.propertyNames());
			}
			return;
		}
		String mediaType = answer.contentType().split(";")[0].trim();
		if (!content.has(mediaType)) {
			throw new AssertionError(where + " with " + mediaType + ", where the document declares "
					+ content.propertyNames() + ": " + answer.body());
		}
		// a stream of server-sent events is text, checked for its declared type alone
		if (mediaType.endsWith("json")) {
			validate(where + " a body", responsePointer + "/content/" + escape(mediaType) + "/schema",
					JSON.readTree(answer.body()));
		}
	}

	private void checkRequest(String where, Operation operation, String requestBody) {
		validate(where + " to a request body", operation.pointer + "/requestBody/content/application~1json/schema",
				JSON.readTree(requestBody));
	}

	private void validate(String what, String schemaPointer, JsonNode value) {
		Schema schema = this.registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer));
		List<Error> errors = schema.validate(value);
		if (!errors.isEmpty()) {
			throw new AssertionError(
					what + " that does not match the document (" + schemaPointer + "): " + errors + "\n" + value);
		}
	}

	/**
	 * Objects that list their properties get {@code additionalProperties: false}, unless
	 * they say otherwise or combine other schemas.
	 */
	private static void closeObjects(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties") && !object.has("allOf")
					&& !object.has("oneOf") && !object.has("anyOf")) {
				object.put("additionalProperties", false);
			}
			object.values().forEach(OpenApiConformance::closeObjects);
		}
		else if (node.isArray()) {
			node.values().forEach(OpenApiConformance::closeObjects);
		}
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static String problem(String operationId, int status, String code) {
		return operationId + " " + status + " " + code;
	}

	private record Operation(String method, String template, Pattern pattern, String pointer, JsonNode node) {

		Operation(String method, String template, JsonNode node) {
			this(method, template, Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")),
					"/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT), node);
		}

		String id() {
			return this.node.path("operationId").asString();
		}

	}

}
