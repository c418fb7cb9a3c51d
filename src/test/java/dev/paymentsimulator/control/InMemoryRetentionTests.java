package dev.paymentsimulator.control;

/** {@link RetentionTests} against the in-memory store. */
class InMemoryRetentionTests extends RetentionTests {

	@Override
	int slack() {
		return 0;
	}

}
