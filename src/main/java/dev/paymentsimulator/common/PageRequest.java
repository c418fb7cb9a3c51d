package dev.paymentsimulator.common;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Which slice of a newest-first list a client asked for: at most {@code limit} items
 * after the one named by {@code startingAfter}.
 */
public record PageRequest(int limit, @Nullable String startingAfter) {

	public static final int DEFAULT_LIMIT = 10;

	public static final int MAX_LIMIT = 100;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ApiException(ErrorCode.PARAMETER_INVALID, "limit must be between 1 and " + MAX_LIMIT + ".",
					Map.of("param", "limit"));
		}
		if (startingAfter != null && startingAfter.isBlank()) {
			startingAfter = null;
		}
	}

	/** The answer when {@code starting_after} names nothing in the list being paged. */
	public ApiException unknownCursor() {
		return ApiException.invalid("starting_after",
				"starting_after names no object of this list: '" + this.startingAfter + "'.");
	}

	/**
	 * The creation number of the item {@code starting_after} names, looked up with
	 * {@code find}; {@code null} when the page starts at the newest.
	 * @throws ApiException when it names nothing in the list being paged
	 */
	public <T> @Nullable Long after(Function<String, Optional<T>> find, ToLongFunction<T> sequence) {
		return (this.startingAfter != null)
				? sequence.applyAsLong(find.apply(this.startingAfter).orElseThrow(this::unknownCursor)) : null;
	}

	public static PageRequest of(Integer limit, String startingAfter) {
		return new PageRequest((limit != null) ? limit : DEFAULT_LIMIT, startingAfter);
	}

}
