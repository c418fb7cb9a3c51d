package dev.paymentsimulator.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * The simulated card network's catalogue: which numbers decline, ask for 3-D Secure or
 * stay processing, and which test tokens stand for which card. Any other Luhn-valid
 * number is approved.
 */
@Component
public class TestCards {

	private static final Map<String, CardBehavior> BEHAVIORS = Map.ofEntries(
			Map.entry("4000000000000002", CardBehavior.DECLINED_GENERIC),
			Map.entry("4000000000009995", CardBehavior.DECLINED_INSUFFICIENT_FUNDS),
			Map.entry("4000000000009987", CardBehavior.DECLINED_LOST_CARD),
			Map.entry("4000000000009979", CardBehavior.DECLINED_STOLEN_CARD),
			Map.entry("4100000000000019", CardBehavior.DECLINED_FRAUDULENT),
			Map.entry("4000000000000069", CardBehavior.EXPIRED_CARD),
			Map.entry("4000000000000127", CardBehavior.INCORRECT_CVC),
			Map.entry("4000000000000119", CardBehavior.PROCESSING_ERROR),
			Map.entry("4000002500003155", CardBehavior.THREE_D_SECURE),
			Map.entry("4000000000003220", CardBehavior.THREE_D_SECURE),
			Map.entry("4000008260003178", CardBehavior.THREE_D_SECURE_THEN_INSUFFICIENT_FUNDS),
			Map.entry("4000000000000077", CardBehavior.PROCESSING_THEN_SUCCEEDS));

	private static final Map<String, String> TOKENS = Map.of("pm_card_visa", "4242424242424242", "pm_card_mastercard",
			"5555555555554444", "pm_card_amex", "378282246310005", "pm_card_visa_chargeDeclined", "4000000000000002",
			"pm_card_chargeDeclinedInsufficientFunds", "4000000000009995", "pm_card_threeDSecureRequired",
			"4000002500003155");

	/** Token cards stay valid for a few years from the simulated now, as issuers' do. */
	private static final int TOKEN_CARD_YEARS = 3;

	private final byte[] fingerprintKey;

	public TestCards(IdGenerator ids) {
		this.fingerprintKey = ids.instanceKey("card-fingerprint");
	}

	/** Checks a card as the network would and keeps only what may be kept of it. */
	public Card resolve(PaymentMethodInput input, Instant now) {
		if (input instanceof PaymentMethodInput.Token token) {
			return fromToken(token.name(), now);
		}
		return fromDetails((PaymentMethodInput.RawCard) input);
	}

	private Card fromToken(String name, Instant now) {
		String number = TOKENS.get(name);
		if (number == null) {
			throw ApiException.invalid("payment_method",
					"No such test payment method: '" + name + "'. Use a card object or one of "
							+ String.join(", ", TOKENS.keySet().stream().sorted().toList()) + ".");
		}
		int year = now.atOffset(ZoneOffset.UTC).getYear() + TOKEN_CARD_YEARS;
		return card(number, 12, year);
	}

	private Card fromDetails(PaymentMethodInput.RawCard raw) {
		String param = "payment_method.card.";
		if (raw.number() == null) {
			throw ApiException.missing(param + "number");
		}
		if (raw.expMonth() == null) {
			throw ApiException.missing(param + "exp_month");
		}
		if (raw.expYear() == null) {
			throw ApiException.missing(param + "exp_year");
		}
		String number = raw.number().replace(" ", "");
		if (!isPlausibleNumber(number)) {
			throw new ApiException(ErrorCode.INCORRECT_NUMBER, "Your card number is incorrect.",
					Map.of("param", param + "number"));
		}
		if (raw.expMonth() < 1 || raw.expMonth() > 12) {
			throw ApiException.invalid(param + "exp_month", "exp_month must be between 1 and 12.");
		}
		int year = (raw.expYear() >= 0 && raw.expYear() < 100) ? 2000 + raw.expYear() : raw.expYear();
		if (year < 1900 || year > 9999) {
			throw ApiException.invalid(param + "exp_year", "exp_year must be a year such as 2030.");
		}
		String brand = brand(number);
		if (raw.cvc() != null && !raw.cvc().matches(brand.equals("amex") ? "[0-9]{4}" : "[0-9]{3}")) {
			throw ApiException.invalid(param + "cvc",
					"cvc must be " + (brand.equals("amex") ? "4" : "3") + " digits for a " + brand + " card.");
		}
		return card(number, raw.expMonth(), year);
	}

	private Card card(String number, int expMonth, int expYear) {
		return new Card(brand(number), number.substring(number.length() - 4), expMonth, expYear, fingerprint(number),
				BEHAVIORS.getOrDefault(number, CardBehavior.SUCCEEDS));
	}

	static boolean isPlausibleNumber(String number) {
		return number.matches("[0-9]{12,19}") && passesLuhn(number);
	}

	static boolean passesLuhn(String number) {
		int sum = 0;
		boolean doubled = false;
		for (int i = number.length() - 1; i >= 0; i--) {
			int digit = number.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	static String brand(String number) {
		if (number.startsWith("4")) {
			return "visa";
		}
		if (number.startsWith("34") || number.startsWith("37")) {
			return "amex";
		}
		int firstTwo = Integer.parseInt(number.substring(0, 2));
		int firstFour = Integer.parseInt(number.substring(0, 4));
		if ((firstTwo >= 51 && firstTwo <= 55) || (firstFour >= 2221 && firstFour <= 2720)) {
			return "mastercard";
		}
		if (number.startsWith("6011") || number.startsWith("65")) {
			return "discover";
		}
		if (number.startsWith("35")) {
			return "jcb";
		}
		if (number.startsWith("36") || number.startsWith("30")) {
			return "diners";
		}
		if (number.startsWith("62")) {
			return "unionpay";
		}
		return "unknown";
	}

	/**
	 * Same card, same fingerprint; the key keeps it from being a lookup table of numbers.
	 */
	private String fingerprint(String number) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.fingerprintKey, "HmacSHA256"));
			byte[] digest = mac.doFinal(number.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

}
