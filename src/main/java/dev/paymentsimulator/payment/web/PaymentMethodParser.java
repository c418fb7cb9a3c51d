package dev.paymentsimulator.payment.web;

import java.util.Set;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.payment.PaymentMethodInput;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code payment_method}, which is either a test token string or
 * {@code {"card":{…}}}. Read by hand rather than bound, because it has two shapes and
 * each mistake should name the exact field at fault.
 */
final class PaymentMethodParser {

	private static final String PARAM = "payment_method";

	private static final Set<String> CARD_FIELDS = Set.of("number", "exp_month", "exp_year", "cvc");

	private PaymentMethodParser() {
	}

	static PaymentMethodInput parse(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return new PaymentMethodInput.Token(node.asString());
		}
		if (!node.isObject()) {
			throw ApiException.invalid(PARAM, "payment_method must be a token string or an object with a card.");
		}
		for (String field : node.propertyNames()) {
			if (!field.equals("card") && !field.equals("type")) {
				throw unknown(PARAM + "." + field);
			}
		}
		JsonNode type = node.get("type");
		if (type != null && !(type.isString() && type.asString().equals("card"))) {
			throw ApiException.invalid(PARAM + ".type", "payment_method.type can only be card.");
		}
		JsonNode card = node.get("card");
		if (card == null || card.isNull()) {
			throw ApiException.missing(PARAM + ".card");
		}
		if (!card.isObject()) {
			throw ApiException.invalid(PARAM + ".card", "payment_method.card must be an object.");
		}
		for (String field : card.propertyNames()) {
			if (!CARD_FIELDS.contains(field)) {
				throw unknown(PARAM + ".card." + field);
			}
		}
		return new PaymentMethodInput.RawCard(text(card, "number"), integer(card, "exp_month"),
				integer(card, "exp_year"), text(card, "cvc"));
	}

	private static String text(JsonNode card, String field) {
		JsonNode value = card.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiException.invalid(PARAM + ".card." + field, "payment_method.card." + field + " must be a string.");
		}
		return value.asString();
	}

	private static Integer integer(JsonNode card, String field) {
		JsonNode value = card.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw ApiException.invalid(PARAM + ".card." + field,
					"payment_method.card." + field + " must be a whole number.");
		}
		return value.asInt();
	}

	private static ApiException unknown(String param) {
		return new ApiException(ErrorCode.PARAMETER_UNKNOWN, "Unknown parameter: " + param + ".",
				java.util.Map.of("param", param));
	}

}
