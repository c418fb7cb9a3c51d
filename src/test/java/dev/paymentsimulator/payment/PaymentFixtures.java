package dev.paymentsimulator.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.ClockAdvanced;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A payment service wired by hand, without Spring: a frozen clock whose advances run due
 * moves, a seeded id generator and the in-memory store.
 */
final class PaymentFixtures {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final Namespace NS = Namespace.DEFAULT;

	final SimulatorClock clock;

	final TestCards cards;

	final PaymentService service;

	/**
	 * Every event the service published, in order; synchronized, as the race tests
	 * publish from many threads at once.
	 */
	final List<PaymentEvent> published = Collections.synchronizedList(new ArrayList<>());

	/** The store the service works on, before any wrapping. */
	final InMemoryPayments store;

	PaymentFixtures() {
		this((store) -> store);
	}

	/** With the store seen through {@code wrap}, to step in between service and store. */
	PaymentFixtures(Function<InMemoryPayments, Payments> wrap) {
		AtomicReference<DueMoves> wired = new AtomicReference<>();
		ApplicationEventPublisher publisher = (event) -> {
			if (event instanceof ClockAdvanced advanced) {
				wired.get().onClockAdvanced(advanced);
			}
			else if (event instanceof PaymentEvent paymentEvent) {
				this.published.add(paymentEvent);
			}
		};
		this.clock = SimulatorClock.standalone(Clock.fixed(START, ZoneOffset.UTC), START, publisher);
		IdGenerator ids = new IdGenerator(42L, (name, fresh) -> fresh.get());
		this.cards = new TestCards(ids);
		RetentionProperties retention = new RetentionProperties(100_000, null);
		this.store = new InMemoryPayments(retention);
		Payments payments = wrap.apply(this.store);
		this.service = new PaymentService(payments, this.clock, ids, this.cards, publisher,
				TransactionOperations.withoutTransaction(), new DroppedByRetention(retention));
		wired.set(new DueMoves(payments, this.service, this.clock));
	}

	static PaymentMethodInput card(String number) {
		return new PaymentMethodInput.RawCard(number, 12, 2030, null);
	}

	Payment create(CaptureMethod captureMethod) {
		return this.service.create(NS,
				new NewPayment(2000, "usd", captureMethod, null, Map.of(), null, false, null, "http://localhost:8080"));
	}

	Payment confirm(Payment payment, String number) {
		try {
			return this.service.confirm(NS, payment.id(), card(number), null, "http://shop.test/done",
					"http://localhost:8080");
		}
		catch (PaymentDeclinedException declined) {
			return this.service.get(NS, payment.id());
		}
	}

	/** A payment brought to the given state through real moves only. */
	Payment in(PaymentStatus status) {
		return switch (status) {
			case CREATED -> create(CaptureMethod.AUTOMATIC);
			case REQUIRES_ACTION -> confirm(create(CaptureMethod.AUTOMATIC), "4000002500003155");
			case PROCESSING -> confirm(create(CaptureMethod.AUTOMATIC), "4000000000000077");
			case AUTHORIZED -> confirm(create(CaptureMethod.MANUAL), "4242424242424242");
			case SUCCEEDED -> confirm(create(CaptureMethod.AUTOMATIC), "4242424242424242");
			case CAPTURED -> this.service.capture(NS, in(PaymentStatus.AUTHORIZED).id(), null);
			case FAILED -> confirm(create(CaptureMethod.AUTOMATIC), "4000000000000002");
			case PARTIALLY_REFUNDED -> refunded(in(PaymentStatus.SUCCEEDED), 500L);
			case REFUNDED -> refunded(in(PaymentStatus.SUCCEEDED), null);
			case CANCELED -> this.service.cancel(NS, create(CaptureMethod.AUTOMATIC).id(), null);
		};
	}

	private Payment refunded(Payment payment, Long amount) {
		this.service.refund(NS, payment.id(), amount, null, Map.of());
		return this.service.get(NS, payment.id());
	}

}
