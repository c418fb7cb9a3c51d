package dev.paymentsimulator.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** One page of a newest-first list, as a store returns it. */
public record Slice<T>(List<T> items, boolean hasMore) {

	/**
	 * Takes up to {@code limit} matching items, looking one further to tell whether more
	 * exist.
	 */
	public static <T> Slice<T> empty() {
		return new Slice<>(List.of(), false);
	}

	public static <T> Slice<T> take(Iterator<T> newestFirst, Predicate<? super T> filter, int limit) {
		List<T> items = new ArrayList<>(Math.min(limit, 16));
		while (newestFirst.hasNext()) {
			T item = newestFirst.next();
			if (item == null || !filter.test(item)) {
				continue;
			}
			if (items.size() == limit) {
				return new Slice<>(items, true);
			}
			items.add(item);
		}
		return new Slice<>(items, false);
	}

	/**
	 * A page from an in-memory index in creation order, newest first, of the entries
	 * created before {@code after} (all of them when it is {@code null}). {@code lookup}
	 * turns an entry into its item, or {@code null} for one removed meanwhile.
	 */
	public static <V, T> Slice<T> olderThan(NavigableMap<Long, V> index, Long after, Function<V, T> lookup,
			Predicate<? super T> filter, int limit) {
		NavigableMap<Long, V> older = (after != null) ? index.headMap(after, false) : index;
		return take(older.descendingMap().values().stream().map(lookup).iterator(), filter, limit);
	}

	/** A page from a query that fetched up to {@code limit + 1} rows, newest first. */
	public static <T> Slice<T> fromRows(List<T> rows, int limit) {
		return (rows.size() > limit) ? new Slice<>(List.copyOf(rows.subList(0, limit)), true)
				: new Slice<>(rows, false);
	}

	public ListPage<T> toPage(String url) {
		return ListPage.of(this.items, this.hasMore, url);
	}

}
