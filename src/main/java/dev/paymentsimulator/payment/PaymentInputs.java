package dev.paymentsimulator.payment;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.HttpUrls;

/**
 * Checks of client input that the domain owns, whichever door it came through; its bounds
 * are public for the OpenAPI document to state.
 */
public final class PaymentInputs {

	public static final long MIN_AMOUNT = 1;

	public static final long MAX_AMOUNT = 99_999_999;

	/** A metadata key that also sends the payment's events to this URL. */
	static final String WEBHOOK_URL = "webhook_url";

	/**
	 * Every ISO 4217 code the JDK knows, lowercase, one shared string each: a million
	 * payments would otherwise hold a million copies of "usd".
	 */
	private static final Map<String, String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map((currency) -> currency.getCurrencyCode().toLowerCase(Locale.ROOT))
		.collect(java.util.stream.Collectors.toUnmodifiableMap((code) -> code, (code) -> code));

	public static final int METADATA_MAX_KEYS = 50;

	public static final int METADATA_MAX_KEY_LENGTH = 40;

	public static final int METADATA_MAX_VALUE_LENGTH = 500;

	private PaymentInputs() {
	}

	static long amount(long amount) {
		if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
			throw ApiException.invalid("amount", "amount must be between " + MIN_AMOUNT + " and " + MAX_AMOUNT
					+ ", in the currency's smallest unit.");
		}
		return amount;
	}

	/** An ISO 4217 code in any case, returned lowercase. */
	static String currency(String code) {
		if (code == null || code.isBlank()) {
			throw ApiException.missing("currency");
		}
		if (code.length() == 3) {
			String known = CURRENCIES.get(code.toLowerCase(Locale.ROOT));
			if (known != null) {
				return known;
			}
		}
		throw ApiException.invalid("currency", "currency must be an ISO 4217 code such as usd or eur.");
	}

	static Map<String, String> metadata(Map<String, String> metadata, String param) {
		if (metadata == null) {
			return Map.of();
		}
		if (metadata.size() > METADATA_MAX_KEYS) {
			throw ApiException.invalid(param, param + " takes at most " + METADATA_MAX_KEYS + " keys.");
		}
		if (metadata.get(WEBHOOK_URL) != null) {
			HttpUrls.check(param + "." + WEBHOOK_URL, metadata.get(WEBHOOK_URL));
		}
		metadata.forEach((key, value) -> {
			if (key.isEmpty() || key.length() > METADATA_MAX_KEY_LENGTH) {
				throw ApiException.invalid(param,
						param + " keys must be 1 to " + METADATA_MAX_KEY_LENGTH + " characters long.");
			}
			if (value == null) {
				throw ApiException.invalid(param + "." + key, "metadata values must be strings.");
			}
			if (value.length() > METADATA_MAX_VALUE_LENGTH) {
				throw ApiException.invalid(param + "." + key,
						"metadata values must be at most " + METADATA_MAX_VALUE_LENGTH + " characters long.");
			}
		});
		return metadata;
	}

}
