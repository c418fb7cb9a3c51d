package dev.paymentsimulator.common;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** JSON rendered once and written as is, so an event reads the same everywhere. */
public record RawJson(@JsonValue @JsonRawValue String json) {

	/** Not the JSON itself: an event holds its payment's client secret. */
	@Override
	public String toString() {
		return "RawJson[" + this.json.length() + " characters]";
	}

}
