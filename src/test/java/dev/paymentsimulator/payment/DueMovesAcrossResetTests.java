package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import org.junit.jupiter.api.Test;

/**
 * A due move found before a reset never moves a payment of the same id created after it
 * (with a seed, ids start over after a reset).
 */
class DueMovesAcrossResetTests {

	@Test
	void aMoveFoundBeforeAResetLeavesTheNewPaymentOfTheSameIdAlone() {
		PaymentFixtures fixtures = new PaymentFixtures(ResetOnFirstLook::new);
		// an asynchronous card: processing, owed a move when the network answers
		Payment processing = fixtures.confirm(fixtures.create(CaptureMethod.AUTOMATIC), "4000000000000077");
		assertThat(processing.status()).isEqualTo(PaymentStatus.PROCESSING);
		fixtures.published.clear();

		fixtures.clock.advance(NS, Duration.ofDays(1));

		Payment after = fixtures.store.find(NS, processing.id()).orElseThrow();
		assertThat(after.sequence()).isNotEqualTo(processing.sequence());
		assertThat(after.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(fixtures.published).isEmpty();
	}

	/**
	 * Resets the namespace the first time the clock looks for due moves, and creates
	 * again.
	 */
	private static final class ResetOnFirstLook implements Payments {

		private final InMemoryPayments store;

		private boolean reset;

		ResetOnFirstLook(InMemoryPayments store) {
			this.store = store;
		}

		@Override
		public Optional<DueMove> nextDue(Namespace namespace, java.time.Instant now) {
			Optional<DueMove> due = this.store.nextDue(namespace, now);
			if (!this.reset && due.isPresent()) {
				this.reset = true;
				Payment old = this.store.find(namespace, due.get().paymentId()).orElseThrow();
				this.store.forget(namespace);
				this.store.add(new Payment(old.id(), old.namespace(), old.sequence() + 1000, old.created(),
						old.amount(), old.currency(), old.status(), old.captureMethod(), old.amountCapturable(),
						old.amountReceived(), old.amountRefunded(), old.secret(), old.description(), old.metadata(),
						old.card(), old.lastError(), old.nextAction(), old.cancellationReason(), old.refunds(),
						old.dueAt()));
			}
			return due;
		}

		@Override
		public long nextSequence(Namespace namespace) {
			return this.store.nextSequence(namespace);
		}

		@Override
		public List<Payment> add(Payment payment) {
			return this.store.add(payment);
		}

		@Override
		public Optional<Payment> find(Namespace namespace, String id) {
			return this.store.find(namespace, id);
		}

		@Override
		public Payment update(Namespace namespace, String id, UnaryOperator<Payment> change) {
			return this.store.update(namespace, id, change);
		}

		@Override
		public Slice<Payment> list(Namespace namespace, PageRequest page, PaymentStatus status) {
			return this.store.list(namespace, page, status);
		}

		@Override
		public Optional<Refund> findRefund(Namespace namespace, String refundId) {
			return this.store.findRefund(namespace, refundId);
		}

		@Override
		public Slice<Refund> listRefunds(Namespace namespace, PageRequest page) {
			return this.store.listRefunds(namespace, page);
		}

		@Override
		public Set<Namespace> namespaces() {
			return this.store.namespaces();
		}

		@Override
		public Map<String, Long> forget(Namespace namespace) {
			return this.store.forget(namespace);
		}

	}

}
