package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per row of the contract's test-card table. */
class TestCardsTests {

	private final PaymentFixtures fixtures = new PaymentFixtures();

	@ParameterizedTest(name = "{0} ({1}) succeeds")
	@CsvSource({ "4242 4242 4242 4242, visa", "5555 5555 5555 4444, mastercard", "3782 822463 10005, amex",
			"6011111111111117, discover", "4012888888881881, visa" })
	void approvedCards(String number, String brand) {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.AUTOMATIC), number);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payment.amountReceived()).isEqualTo(payment.amount());
		assertThat(payment.card().brand()).isEqualTo(brand);
		assertThat(payment.card().last4())
			.isEqualTo(number.replace(" ", "").substring(number.replace(" ", "").length() - 4));
	}

	@ParameterizedTest(name = "{0} is declined with {2}")
	@CsvSource({ "4000000000000002, card_declined, generic_decline",
			"4000000000009995, card_declined, insufficient_funds", "4000000000009987, card_declined, lost_card",
			"4000000000009979, card_declined, stolen_card", "4100000000000019, card_declined, fraudulent",
			"4000000000000069, expired_card, ", "4000000000000127, incorrect_cvc, ",
			"4000000000000119, processing_error, " })
	void declinedCards(String number, String code, String declineCode) {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		assertThatExceptionOfType(PaymentDeclinedException.class)
			.isThrownBy(() -> this.fixtures.service.confirm(NS, created.id(), PaymentFixtures.card(number), null, null,
					"http://localhost:8080"))
			.satisfies((ex) -> {
				assertThat(ex.code().value()).isEqualTo(code);
				assertThat(ex.code().status().value()).isEqualTo(402);
				assertThat(ex.facts()).containsEntry("payment_id", created.id());
				assertThat(ex.facts().get("decline_code")).isEqualTo(declineCode);
			});
		Payment failed = this.fixtures.service.get(NS, created.id());
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.lastError().code().value()).isEqualTo(code);
		Payment retried = this.fixtures.confirm(failed, "4242424242424242");
		assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(retried.lastError()).isNull();
	}

	@ParameterizedTest(name = "{0} asks for 3-D Secure, then succeeds")
	@CsvSource({ "4000002500003155", "4000000000003220" })
	void threeDSecureCards(String number) {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.MANUAL), number);
		assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
		assertThat(payment.nextAction().url()).isEqualTo("http://localhost:8080/3ds/" + payment.id());
		assertThat(payment.nextAction().returnUrl()).isEqualTo("http://shop.test/done");
		Payment passed = this.fixtures.service.finishChallenge(NS, payment.id(), true);
		assertThat(passed.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(passed.amountCapturable()).isEqualTo(2000);
		assertThat(passed.nextAction()).isNull();
	}

	@Test
	void threeDSecureThenInsufficientFunds() {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.AUTOMATIC), "4000008260003178");
		assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
		Payment answered = this.fixtures.service.finishChallenge(NS, payment.id(), true);
		assertThat(answered.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(answered.lastError().declineCode()).isEqualTo("insufficient_funds");
	}

	@Test
	void failedChallengeFailsThePayment() {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.AUTOMATIC), "4000002500003155");
		Payment failed = this.fixtures.service.finishChallenge(NS, payment.id(), false);
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.lastError().declineCode()).isEqualTo("authentication_failed");
		assertThat(failed.nextAction()).isNull();
	}

	@Test
	void processingCardSettlesAfterFiveSimulatedSeconds() {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.AUTOMATIC), "4000000000000077");
		assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
		this.fixtures.clock.advance(NS, Duration.ofSeconds(4));
		assertThat(this.fixtures.service.get(NS, payment.id()).status()).isEqualTo(PaymentStatus.PROCESSING);
		this.fixtures.clock.advance(NS, Duration.ofSeconds(1));
		assertThat(this.fixtures.service.get(NS, payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void luhnInvalidNumberIsIncorrectNumber() {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.fixtures.service.confirm(NS, created.id(), PaymentFixtures.card("4242424242424241"),
					null, null, "http://localhost:8080"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INCORRECT_NUMBER))
			.satisfies((ex) -> assertThat(ex.facts()).containsEntry("param", "payment_method.card.number"));
		assertThat(this.fixtures.service.get(NS, created.id()).status()).isEqualTo(PaymentStatus.CREATED);
	}

	@Test
	void expiryInThePastIsExpiredCard() {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		PaymentMethodInput lapsed = new PaymentMethodInput.RawCard("4242424242424242", 10, 2026, "123");
		assertThatExceptionOfType(PaymentDeclinedException.class)
			.isThrownBy(() -> this.fixtures.service.confirm(NS, created.id(), lapsed, null, null, "http://x"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EXPIRED_CARD));
		assertThat(this.fixtures.service.get(NS, created.id()).status()).isEqualTo(PaymentStatus.FAILED);
	}

	@Test
	void cardExpiringThisMonthIsStillValid() {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		PaymentMethodInput thisMonth = new PaymentMethodInput.RawCard("4242424242424242", 11, 2026, "123");
		assertThat(this.fixtures.service.confirm(NS, created.id(), thisMonth, null, null, "http://x").status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@ParameterizedTest(name = "{0} stands for {1}")
	@CsvSource({ "pm_card_visa, visa, 4242, SUCCEEDED", "pm_card_mastercard, mastercard, 4444, SUCCEEDED",
			"pm_card_amex, amex, 0005, SUCCEEDED", "pm_card_visa_chargeDeclined, visa, 0002, FAILED",
			"pm_card_chargeDeclinedInsufficientFunds, visa, 9995, FAILED",
			"pm_card_threeDSecureRequired, visa, 3155, REQUIRES_ACTION" })
	void tokens(String token, String brand, String last4, PaymentStatus status) {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		Payment confirmed;
		try {
			confirmed = this.fixtures.service.confirm(NS, created.id(), new PaymentMethodInput.Token(token), null, null,
					"http://x");
		}
		catch (PaymentDeclinedException ex) {
			confirmed = this.fixtures.service.get(NS, created.id());
		}
		assertThat(confirmed.status()).isEqualTo(status);
		assertThat(confirmed.card().brand()).isEqualTo(brand);
		assertThat(confirmed.card().last4()).isEqualTo(last4);
	}

	@Test
	void unknownTokenIsInvalid() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> this.fixtures.cards.resolve(new PaymentMethodInput.Token("pm_card_nope"), PaymentFixtures.START))
			.satisfies((ex) -> assertThat(ex.facts()).containsEntry("param", "payment_method"));
	}

	@Test
	void fingerprintIsStablePerCardAndDiffersBetweenCards() {
		Card first = this.fixtures.cards.resolve(PaymentFixtures.card("4242424242424242"), PaymentFixtures.START);
		Card again = this.fixtures.cards.resolve(PaymentFixtures.card("4242 4242 4242 4242"), PaymentFixtures.START);
		Card other = this.fixtures.cards.resolve(PaymentFixtures.card("5555555555554444"), PaymentFixtures.START);
		assertThat(first.fingerprint()).isEqualTo(again.fingerprint()).isNotEqualTo(other.fingerprint());
		assertThat(first.fingerprint()).doesNotContain("4242");
	}

}
