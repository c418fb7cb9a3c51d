package dev.paymentsimulator.common.web;

import dev.paymentsimulator.common.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads JSON text as Jackson does, but refuses the NUL character ({@code \u0000}):
 * PostgreSQL cannot store it, and no real gateway field needs it, so both stores refuse
 * it alike, as a 400 naming the field.
 */
final class TextWithoutNul extends StdScalarDeserializer<String> {

	TextWithoutNul() {
		super(String.class);
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Textual;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		return checked(StringDeserializer.instance.deserialize(parser, context), parser);
	}

	private static String checked(String text, JsonParser parser) {
		if (text != null && text.indexOf('\0') >= 0) {
			throw new NulCharacterException(parser);
		}
		return text;
	}

	/** The answer to a parameter that holds a NUL character. */
	static ApiException refused(String param) {
		return ApiException.invalid(param, param + " may not contain the NUL character (U+0000).");
	}

	/** The same check for the keys of a JSON object read as a map, such as metadata. */
	static final class Keys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			return checked(key, context.getParser());
		}

	}

	/** Text that holds a NUL character. */
	static final class NulCharacterException extends MismatchedInputException {

		NulCharacterException(JsonParser parser) {
			super(parser, "Text may not contain the NUL character (U+0000)", String.class);
		}

	}

}
