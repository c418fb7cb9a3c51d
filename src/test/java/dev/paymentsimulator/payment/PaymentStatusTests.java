package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentAction.CANCEL;
import static dev.paymentsimulator.payment.PaymentAction.CAPTURE;
import static dev.paymentsimulator.payment.PaymentAction.CHALLENGE;
import static dev.paymentsimulator.payment.PaymentAction.CONFIRM;
import static dev.paymentsimulator.payment.PaymentAction.REFUND;
import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.paymentsimulator.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, action) pair against the contract's States table, written out again here.
 */
class PaymentStatusTests {

	/** The contract's "allowed moves" column, transcribed independently of the enum. */
	private static final Map<PaymentStatus, Set<PaymentAction>> CONTRACT = Map.of(PaymentStatus.CREATED,
			EnumSet.of(CONFIRM, CANCEL), PaymentStatus.REQUIRES_ACTION, EnumSet.of(CHALLENGE, CANCEL),
			PaymentStatus.PROCESSING, EnumSet.noneOf(PaymentAction.class), PaymentStatus.AUTHORIZED,
			EnumSet.of(CAPTURE, CANCEL), PaymentStatus.SUCCEEDED, EnumSet.of(CAPTURE, REFUND), PaymentStatus.CAPTURED,
			EnumSet.of(REFUND), PaymentStatus.FAILED, EnumSet.of(CONFIRM, CANCEL), PaymentStatus.PARTIALLY_REFUNDED,
			EnumSet.of(REFUND), PaymentStatus.REFUNDED, EnumSet.noneOf(PaymentAction.class), PaymentStatus.CANCELED,
			EnumSet.noneOf(PaymentAction.class));

	static Stream<Arguments> everyPair() {
		return Arrays.stream(PaymentStatus.values())
			.flatMap((status) -> Arrays.stream(PaymentAction.values()).map((action) -> Arguments.of(status, action)));
	}

	@ParameterizedTest(name = "{0} + {1}")
	@MethodSource("everyPair")
	void enumAgreesWithTheContract(PaymentStatus status, PaymentAction action) {
		assertThat(status.allows(action)).isEqualTo(CONTRACT.get(status).contains(action));
	}

	@ParameterizedTest(name = "{0} + {1}")
	@MethodSource("everyPair")
	void serviceAllowsExactlyTheContractsMoves(PaymentStatus status, PaymentAction action) {
		PaymentFixtures fixtures = new PaymentFixtures();
		Payment payment = fixtures.in(status);
		assertThat(payment.status()).isEqualTo(status);
		Runnable move = () -> perform(fixtures, payment, action);
		if (CONTRACT.get(status).contains(action)) {
			assertThatNoException().isThrownBy(move::run);
		}
		else {
			assertThatExceptionOfType(InvalidStateException.class).isThrownBy(move::run)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.PAYMENT_INVALID_STATE))
				.satisfies((ex) -> assertThat(ex.facts()).containsEntry("payment_id", payment.id()))
				.withMessageContaining("is " + status.value());
			assertThat(fixtures.service.get(NS, payment.id())).isEqualTo(payment);
		}
	}

	@ParameterizedTest
	@EnumSource(PaymentStatus.class)
	void onlyProcessingAndAuthorizedMoveWithTheClock(PaymentStatus status) {
		PaymentFixtures fixtures = new PaymentFixtures();
		Payment payment = fixtures.in(status);
		fixtures.clock.advance(NS, Duration.ofDays(8));
		PaymentStatus after = fixtures.service.get(NS, payment.id()).status();
		PaymentStatus expected = switch (status) {
			case PROCESSING -> PaymentStatus.SUCCEEDED;
			case AUTHORIZED -> PaymentStatus.CANCELED;
			default -> status;
		};
		assertThat(after).isEqualTo(expected);
	}

	private static void perform(PaymentFixtures fixtures, Payment payment, PaymentAction action) {
		switch (action) {
			case CONFIRM -> fixtures.service.confirm(NS, payment.id(), PaymentFixtures.card("4242424242424242"), null,
					null, "http://localhost:8080");
			case CAPTURE -> fixtures.service.capture(NS, payment.id(), null);
			case CANCEL -> fixtures.service.cancel(NS, payment.id(), null);
			case REFUND -> fixtures.service.refund(NS, payment.id(), null, null, Map.of());
			case CHALLENGE -> fixtures.service.finishChallenge(NS, payment.id(), true);
		}
	}

}
