package dev.paymentsimulator.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Calls made at the same moment, for tests of what races. */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Makes {@code count} calls on as many threads, released together so they overlap as
	 * much as they can; answers their results in call order.
	 */
	public static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int number = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.apply(number);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
