package dev.paymentsimulator.webhook;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of a few headers in their order, kept in one array: the in-memory
 * delivery log holds two per attempt, and a {@code LinkedHashMap} of five headers takes
 * five times the heap.
 */
final class CompactHeaders extends AbstractMap<String, String> {

	private final String[] namesAndValues;

	private CompactHeaders(String[] namesAndValues) {
		this.namesAndValues = namesAndValues;
	}

	static Map<String, String> of(Map<String, String> headers) {
		if (headers instanceof CompactHeaders) {
			return headers;
		}
		String[] namesAndValues = new String[headers.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> header : headers.entrySet()) {
			namesAndValues[i++] = header.getKey();
			namesAndValues[i++] = header.getValue();
		}
		return new CompactHeaders(namesAndValues);
	}

	@Override
	public @Nullable String get(Object name) {
		for (int i = 0; i < this.namesAndValues.length; i += 2) {
			if (this.namesAndValues[i].equals(name)) {
				return this.namesAndValues[i + 1];
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(Object name) {
		return get(name) != null;
	}

	@Override
	public int size() {
		return this.namesAndValues.length / 2;
	}

	@Override
	public Set<Map.Entry<String, String>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, String>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < CompactHeaders.this.namesAndValues.length;
					}

					@Override
					public Map.Entry<String, String> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						Map.Entry<String, String> header = new SimpleImmutableEntry<>(
								CompactHeaders.this.namesAndValues[this.next],
								CompactHeaders.this.namesAndValues[this.next + 1]);
						this.next += 2;
						return header;
					}

				};
			}

			@Override
			public int size() {
				return CompactHeaders.this.size();
			}

		};
	}

}
