package dev.paymentsimulator.store;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * How the PostgreSQL store writes records it keeps whole, such as a payment with its
 * refunds. Jackson's defaults, not the API's snake_case and strictness: the names are the
 * records' own, so the stored form follows the code, not the contract.
 */
@Component
public final class StorageJson {

	private final JsonMapper json = JsonMapper.builder().build();

	public String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	public <T> T read(String stored, Class<T> type) {
		return this.json.readValue(stored, type);
	}

}
