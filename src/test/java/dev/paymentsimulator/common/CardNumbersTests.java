package dev.paymentsimulator.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumbersTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "4242424242424242 | 4242\u20264242",
					"/v1/payments/4000 0566 5566 5556/capture | /v1/payments/4000\u20265556/capture",
					"key-4111-1111-1111-1111 | key-4111\u20261111", "123456789012 | 1234\u20269012",
					"a 4242424242424242 and 5555555555554444 | a 4242\u20264242 and 5555\u20264444" })
	void hidesAllButTheFirstAndLastFourOfEveryCardNumber(String text, String redacted) {
		assertThat(CardNumbers.redact(text)).isEqualTo(redacted);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12345678901", "pay_1a2b3c4d5e6f7g8h9i0j1k2l3", "1234 5678  9012",
			"2026-11-30T12:00:00Z 42", "12345678901234567890" })
	void leavesTextWithoutARunOfTwelveToNineteenDigitsAsItIs(String text) {
		assertThat(CardNumbers.redact(text)).isSameAs(text);
	}

}
