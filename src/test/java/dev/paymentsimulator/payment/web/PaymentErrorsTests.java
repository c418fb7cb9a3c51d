package dev.paymentsimulator.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every client mistake is a 4xx problem with a code, and the field at fault in param. */
@SpringBootTest(properties = "simulator.clock.start=2026-11-25T12:00:00Z")
@AutoConfigureMockMvc
abstract class PaymentErrorsTests {

	private static final String CARD_4242 = "{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	static Stream<Arguments> badCreates() {
		return Stream.of(Arguments.of("{\"currency\":\"usd\"}", 400, "parameter_missing", "amount"),
				Arguments.of("{\"amount\":1999}", 400, "parameter_missing", "currency"),
				Arguments.of("{\"amount\":0,\"currency\":\"usd\"}", 400, "parameter_invalid", "amount"),
				Arguments.of("{\"amount\":-5,\"currency\":\"usd\"}", 400, "parameter_invalid", "amount"),
				Arguments.of("{\"amount\":100000000,\"currency\":\"usd\"}", 400, "parameter_invalid", "amount"),
				Arguments.of("{\"amount\":99999999999999999999999,\"currency\":\"usd\"}", 400, "parameter_invalid",
						"amount"),
				Arguments.of("{\"amount\":19.99,\"currency\":\"usd\"}", 400, "parameter_invalid", "amount"),
				Arguments.of("{\"amount\":\"1999\",\"currency\":\"usd\"}", 400, "parameter_invalid", "amount"),
				Arguments.of("{\"amount\":null,\"currency\":\"usd\"}", 400, "parameter_missing", "amount"),
				Arguments.of("{\"amount\":1999,\"currency\":\"xyz\"}", 400, "parameter_invalid", "currency"),
				Arguments.of("{\"amount\":1999,\"currency\":7}", 400, "parameter_invalid", "currency"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"captur_method\":\"manual\"}", 400,
						"parameter_unknown", "captur_method"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"capture_method\":\"later\"}", 400,
						"parameter_invalid", "capture_method"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"metadata\":{\"a\":1}}", 400, "parameter_invalid",
						"metadata.a"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"metadata\":[\"a\"]}", 400, "parameter_invalid",
						"metadata"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"metadata\":{\"" + "k".repeat(41) + "\":\"v\"}}",
						400, "parameter_invalid", "metadata"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"confirm\":true}", 400, "parameter_missing",
						"payment_method"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"description\":\"a\\u0000b\"}", 400,
						"parameter_invalid", "description"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"metadata\":{\"k\":\"\\u0000\"}}", 400,
						"parameter_invalid", "metadata.k"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"metadata\":{\"k\\u0000\":\"v\"}}", 400,
						"parameter_invalid", "metadata"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"confirm\":\"yes\"}", 400, "parameter_invalid",
						"confirm"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":\"pm_card_nope\"}", 400,
						"parameter_invalid", "payment_method"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":\"4242424242424241\",\"exp_month\":12,\"exp_year\":2030}}}",
						400, "incorrect_number", "payment_method.card.number"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":13,\"exp_year\":2030}}}",
						400, "parameter_invalid", "payment_method.card.exp_month"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_year\":2030}}}",
						400, "parameter_missing", "payment_method.card.exp_month"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"12a\"}}}",
						400, "parameter_invalid", "payment_method.card.cvc"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"numbr\":\"4242424242424242\"}}}",
						400, "parameter_unknown", "payment_method.card.numbr"),
				Arguments.of(
						"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":4242424242424242,\"exp_month\":12,\"exp_year\":2030}}}",
						400, "parameter_invalid", "payment_method.card.number"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\",\"return_url\":\"javascript:alert(1)\"}", 400,
						"parameter_invalid", "return_url"));
	}

	@ParameterizedTest(name = "{0} -> {2} {3}")
	@MethodSource("badCreates")
	void badCreateIsAProblemNamingTheField(String body, int status, String code, String param) {
		JsonNode problem = problem(post("/v1/payments", body), status, code);
		assertThat(problem.get("param").asString()).isEqualTo(param);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/v1/events?payment=pay_%00", "/v1/payments?starting_after=%00&limit=2",
			"/v1/refunds?payment=x%00y" })
	void nulInAQueryParameterIsAProblemNamingIt(String uri) {
		JsonNode problem = problem(this.mvc.get().uri(java.net.URI.create(uri)).exchange(), 400, "parameter_invalid");
		assertThat(problem.get("detail").asString()).contains("U+0000");
	}

	static Stream<Arguments> brokenBodies() {
		return Stream.of(Arguments.of("{\"amount\":1999,", "invalid_json"), Arguments.of("[1,2]", "invalid_json"),
				Arguments.of("\"text\"", "invalid_json"), Arguments.of("{\"amount\":1,\"amount\":2}", "invalid_json"),
				Arguments.of("{\"amount\":1999,\"currency\":\"usd\"} {}", "invalid_json"),
				Arguments.of("", "invalid_json"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("brokenBodies")
	void brokenJsonIsInvalidJson(String body, String code) {
		problem(post("/v1/payments", body), 400, code);
	}

	@Test
	void declinedConfirmIsPaymentRequiredWithTheDeclineCode() {
		JsonNode problem = problem(post("/v1/payments",
				"{\"amount\":1999,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000009995\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}"),
				402, "card_declined");
		assertThat(problem.get("decline_code").asString()).isEqualTo("insufficient_funds");
		String paymentId = problem.get("payment_id").asString();
		JsonNode payment = body(this.mvc.get().uri("/v1/payments/" + paymentId).exchange());
		assertThat(payment.get("status").asString()).isEqualTo("failed");
		assertThat(payment.get("last_error").get("decline_code").asString()).isEqualTo("insufficient_funds");
	}

	@Test
	void otherDeclineCodesArePaymentRequiredToo() {
		for (String[] row : new String[][] { { "4000000000000069", "expired_card" },
				{ "4000000000000127", "incorrect_cvc" }, { "4000000000000119", "processing_error" } }) {
			problem(post("/v1/payments",
					"{\"amount\":1999,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\""
							+ row[0] + "\",\"exp_month\":12,\"exp_year\":2030}}}"),
					402, row[1]);
		}
	}

	@Test
	void unknownPaymentIsResourceMissing() {
		problem(this.mvc.get().uri("/v1/payments/pay_doesnotexist").exchange(), 404, "resource_missing");
		problem(post("/v1/payments/pay_doesnotexist/capture", "{}"), 404, "resource_missing");
		problem(this.mvc.get().uri("/v1/refunds/re_doesnotexist").exchange(), 404, "resource_missing");
		problem(this.mvc.get().uri("/v1/refunds?payment=pay_doesnotexist").exchange(), 404, "resource_missing");
	}

	@Test
	void unknownPathIsResourceMissing() {
		problem(this.mvc.get().uri("/v1/nothing-here").exchange(), 404, "resource_missing");
	}

	@Test
	void wrongMethodIsMethodNotAllowed() {
		MvcTestResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.request(HttpMethod.DELETE, "/v1/payments"));
		problem(result, 405, "method_not_allowed");
		assertThat(result.getResponse().getHeader("Allow")).contains("GET").contains("POST");
	}

	@Test
	void otherContentTypeIsUnsupportedMediaType() {
		problem(this.mvc.post()
			.uri("/v1/payments")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("amount=1999&currency=usd")
			.exchange(), 415, "unsupported_media_type");
	}

	@Test
	void bodyOver64KibIsBodyTooLarge() {
		String description = "x".repeat(64 * 1024);
		problem(post("/v1/payments", "{\"amount\":1,\"currency\":\"usd\",\"description\":\"" + description + "\"}"),
				413, "body_too_large");
	}

	@Test
	void forbiddenMoveIsPaymentInvalidState() {
		String id = body(post("/v1/payments", "{\"amount\":1999,\"currency\":\"usd\"}")).get("id").asString();
		JsonNode problem = problem(post("/v1/payments/" + id + "/capture", null), 409, "payment_invalid_state");
		assertThat(problem.get("payment_id").asString()).isEqualTo(id);
		assertThat(problem.get("detail").asString())
			.isEqualTo("Payment " + id + " is created; capture needs authorized or succeeded.");
		assertThat(problem.get("instance").asString()).isEqualTo("/v1/payments/" + id + "/capture");
	}

	@Test
	void overCaptureAndOverRefundAreAmountTooLarge() {
		String id = body(post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":"
						+ CARD_4242 + "}"))
			.get("id")
			.asString();
		JsonNode problem = problem(post("/v1/payments/" + id + "/capture", "{\"amount\":1001}"), 400,
				"amount_too_large");
		assertThat(problem.get("param").asString()).isEqualTo("amount");
		assertThat(this.mvc.post()
			.uri("/v1/payments/" + id + "/capture")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":600}")
			.exchange()).hasStatusOk();
		problem(post("/v1/payments/" + id + "/refunds", "{\"amount\":601}"), 400, "amount_too_large");
		problem(post("/v1/payments/" + id + "/refunds", "{\"amount\":0}"), 400, "parameter_invalid");
		problem(post("/v1/payments/" + id + "/refunds", "{\"reason\":\"because\"}"), 400, "parameter_invalid");
	}

	@Test
	void badListParametersAreParameterInvalid() {
		assertThat(problem(this.mvc.get().uri("/v1/payments?limit=0").exchange(), 400, "parameter_invalid").get("param")
			.asString()).isEqualTo("limit");
		assertThat(
				problem(this.mvc.get().uri("/v1/payments?limit=abc").exchange(), 400, "parameter_invalid").get("param")
					.asString())
			.isEqualTo("limit");
		assertThat(problem(this.mvc.get().uri("/v1/payments?status=paid").exchange(), 400, "parameter_invalid")
			.get("param")
			.asString()).isEqualTo("status");
		assertThat(
				problem(this.mvc.get().uri("/v1/payments?starting_after=pay_nope").exchange(), 400, "parameter_invalid")
					.get("param")
					.asString())
			.isEqualTo("starting_after");
	}

	@Test
	void badClockAdvanceIsParameterInvalid() {
		problem(post("/v1/simulator/clock/advance", "{\"seconds\":-1}"), 400, "parameter_invalid");
		problem(post("/v1/simulator/clock/advance", "{}"), 400, "parameter_missing");
	}

	@Test
	void badChallengeOutcomeIsParameterInvalid() {
		problem(post("/v1/simulator/payments/pay_x/challenge", "{\"outcome\":\"maybe\"}"), 400, "parameter_invalid");
	}

	@Test
	void noCardNumberOrCvcEverAppearsInAnAnswer() throws Exception {
		String card = "{\"card\":{\"number\":\"4000000000000002\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"987\"}}";
		MvcTestResult declined = post("/v1/payments",
				"{\"amount\":1999,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":" + card + "}");
		String answer = declined.getResponse().getContentAsString();
		String paymentId = problem(declined, 402, "card_declined").get("payment_id").asString();
		String payment = this.mvc.get().uri("/v1/payments/" + paymentId).exchange().getResponse().getContentAsString();
		String invalid = post("/v1/payments",
				"{\"amount\":1999,\"currency\":\"usd\",\"payment_method\":{\"card\":{\"number\":\"4000000000000003\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"987\"}}}")
			.getResponse()
			.getContentAsString();
		for (String text : new String[] { answer, payment, invalid }) {
			// quoted: the bare digits can turn up inside a random id or client secret
			assertThat(text).doesNotContain("4000000000000002", "4000000000000003", "\"987\"", "\"cvc\"");
		}
	}

	private MvcTestResult post(String path, String body) {
		var request = this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON);
		return (body != null) ? request.content(body).exchange() : request.exchange();
	}

	private JsonNode body(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode problem(MvcTestResult result, int status, String code) {
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = body(result);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception", "java.", "tools.jackson");
		assertThat(problem.get("type").asString()).endsWith(code);
		assertThat(problem.has("trace")).isFalse();
		return problem;
	}

}
