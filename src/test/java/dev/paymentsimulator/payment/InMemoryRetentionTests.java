package dev.paymentsimulator.payment;

/** {@link RetentionTests} against the in-memory store. */
class InMemoryRetentionTests extends RetentionTests {

	@Override
	int slack() {
		return 0;
	}

}
