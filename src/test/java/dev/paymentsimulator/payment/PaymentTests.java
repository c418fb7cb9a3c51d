package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** The money: what captures and refunds do to the three amounts. */
class PaymentTests {

	private final PaymentFixtures fixtures = new PaymentFixtures();

	private final PaymentService service = this.fixtures.service;

	@Test
	void partialCaptureReleasesTheRest() {
		Payment authorized = this.fixtures.in(PaymentStatus.AUTHORIZED);
		assertThat(authorized.amountCapturable()).isEqualTo(2000);
		Payment captured = this.service.capture(NS, authorized.id(), 1500L);
		assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(captured.amountReceived()).isEqualTo(1500);
		assertThat(captured.amountCapturable()).isZero();
	}

	@Test
	void captureAboveCapturableIsAmountTooLarge() {
		Payment authorized = this.fixtures.in(PaymentStatus.AUTHORIZED);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.service.capture(NS, authorized.id(), 2001L))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.AMOUNT_TOO_LARGE));
		assertThat(this.service.get(NS, authorized.id())).isEqualTo(authorized);
	}

	@Test
	void capturingASucceededPaymentSettlesItInFull() {
		Payment succeeded = this.fixtures.in(PaymentStatus.SUCCEEDED);
		Payment captured = this.service.capture(NS, succeeded.id(), null);
		assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(captured.amountReceived()).isEqualTo(2000);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.capture(NS, this.fixtures.in(PaymentStatus.SUCCEEDED).id(), 100L))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.PARAMETER_INVALID));
	}

	@Test
	void severalPartialRefundsThenTheRest() {
		Payment captured = this.service.capture(NS, this.fixtures.in(PaymentStatus.AUTHORIZED).id(), 1500L);
		Refund first = this.service.refund(NS, captured.id(), 500L, "requested_by_customer", Map.of("ticket", "7"));
		assertThat(first.amount()).isEqualTo(500);
		assertThat(first.reason()).isEqualTo("requested_by_customer");
		assertThat(first.metadata()).containsEntry("ticket", "7");
		assertThat(this.service.get(NS, captured.id()).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		this.service.refund(NS, captured.id(), 400L, null, Map.of());
		Refund rest = this.service.refund(NS, captured.id(), null, null, Map.of());
		assertThat(rest.amount()).isEqualTo(600);
		Payment refunded = this.service.get(NS, captured.id());
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.amountRefunded()).isEqualTo(1500);
		assertThat(refunded.refunds()).extracting(Refund::amount).containsExactly(500L, 400L, 600L);
		assertThat(this.service.getRefund(NS, rest.id())).isEqualTo(rest);
	}

	@Test
	void refundAboveWhatIsLeftIsAmountTooLarge() {
		Payment succeeded = this.fixtures.in(PaymentStatus.SUCCEEDED);
		this.service.refund(NS, succeeded.id(), 1500L, null, Map.of());
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.refund(NS, succeeded.id(), 501L, null, Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.AMOUNT_TOO_LARGE));
	}

	@Test
	void aPaymentTakesAThousandRefundsAndNoMore() {
		Payment succeeded = this.fixtures.in(PaymentStatus.SUCCEEDED);
		for (int i = 0; i < Payment.MAX_REFUNDS; i++) {
			this.service.refund(NS, succeeded.id(), 1L, null, Map.of());
		}
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.refund(NS, succeeded.id(), 1L, null, Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
		assertThat(this.service.get(NS, succeeded.id()).refunds()).hasSize(Payment.MAX_REFUNDS);
	}

	@Test
	void refundOfAFullyRefundedPaymentIsInvalidState() {
		Payment refunded = this.fixtures.in(PaymentStatus.REFUNDED);
		assertThatExceptionOfType(InvalidStateException.class)
			.isThrownBy(() -> this.service.refund(NS, refunded.id(), 1L, null, Map.of()));
	}

	@Test
	void authorizationExpiresAfterSevenSimulatedDays() {
		Payment authorized = this.fixtures.in(PaymentStatus.AUTHORIZED);
		this.fixtures.clock.advance(NS, Duration.ofDays(7).minusSeconds(1));
		assertThat(this.service.get(NS, authorized.id()).status()).isEqualTo(PaymentStatus.AUTHORIZED);
		this.fixtures.clock.advance(NS, Duration.ofSeconds(1));
		Payment expired = this.service.get(NS, authorized.id());
		assertThat(expired.status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(expired.cancellationReason()).isEqualTo("expired");
		assertThat(expired.amountCapturable()).isZero();
	}

	@Test
	void oneLongAdvanceSettlesThenExpiresInOrder() {
		Payment payment = this.fixtures.confirm(this.fixtures.create(CaptureMethod.MANUAL), "4000000000000077");
		this.fixtures.clock.advance(NS, Duration.ofDays(30));
		Payment after = this.service.get(NS, payment.id());
		assertThat(after.status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(after.cancellationReason()).isEqualTo("expired");
	}

	@Test
	void capturedPaymentNoLongerExpires() {
		Payment captured = this.fixtures.in(PaymentStatus.CAPTURED);
		this.fixtures.clock.advance(NS, Duration.ofDays(8));
		assertThat(this.service.get(NS, captured.id()).status()).isEqualTo(PaymentStatus.CAPTURED);
	}

	@Test
	void cancelKeepsTheReason() {
		Payment authorized = this.fixtures.in(PaymentStatus.AUTHORIZED);
		Payment canceled = this.service.cancel(NS, authorized.id(), "requested_by_customer");
		assertThat(canceled.cancellationReason()).isEqualTo("requested_by_customer");
		assertThat(canceled.amountCapturable()).isZero();
	}

	@Test
	void wrongClientSecretLooksLikeNoPayment() {
		Payment payment = this.fixtures.in(PaymentStatus.CREATED);
		assertThat(this.service.get(NS, payment.id(), payment.clientSecret())).isEqualTo(payment);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.get(NS, payment.id(), payment.clientSecret() + "x"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RESOURCE_MISSING));
	}

	@Test
	void eachStateChangePublishesExactlyOneEvent() {
		Payment created = this.fixtures.create(CaptureMethod.MANUAL);
		this.fixtures.confirm(created, "4000000000000002");
		this.fixtures.confirm(created, "4000000000000077");
		this.fixtures.clock.advance(NS, Duration.ofSeconds(5));
		this.service.capture(NS, created.id(), 1500L);
		this.service.refund(NS, created.id(), 500L, null, Map.of());
		this.service.refund(NS, created.id(), null, null, Map.of());
		assertThat(this.fixtures.published).extracting(PaymentEvent::type)
			.containsExactly(PaymentEventType.CREATED, PaymentEventType.FAILED, PaymentEventType.PROCESSING,
					PaymentEventType.AUTHORIZED, PaymentEventType.CAPTURED, PaymentEventType.REFUNDED,
					PaymentEventType.REFUNDED);
		PaymentEvent settled = this.fixtures.published.get(3);
		assertThat(settled.occurredAt()).isEqualTo(PaymentFixtures.START.plusSeconds(5));
		assertThat(settled.payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
		PaymentEvent lastRefund = this.fixtures.published.get(6);
		assertThat(lastRefund.refund().amount()).isEqualTo(1000);
		assertThat(lastRefund.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void refusedMovesPublishNothing() {
		Payment created = this.fixtures.create(CaptureMethod.AUTOMATIC);
		int before = this.fixtures.published.size();
		assertThatExceptionOfType(InvalidStateException.class)
			.isThrownBy(() -> this.service.capture(NS, created.id(), null));
		assertThat(this.fixtures.published).hasSize(before);
	}

	@Test
	void sameSeedSameIds() {
		PaymentFixtures other = new PaymentFixtures();
		assertThat(this.fixtures.in(PaymentStatus.SUCCEEDED)).isEqualTo(other.in(PaymentStatus.SUCCEEDED));
	}

}
