package dev.paymentsimulator.common;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An immutable map that keeps insertion order in one array of keys and values. Metadata
 * is stored with every payment, refund and event snapshot, and headers with every webhook
 * attempt in the in-memory log; a {@code LinkedHashMap} costs three to five times the
 * memory for the usual one to five entries.
 */
public final class CompactMap extends AbstractMap<String, String> {

	private final String[] keysAndValues;

	private CompactMap(String[] keysAndValues) {
		this.keysAndValues = keysAndValues;
	}

	public static Map<String, String> copyOf(Map<String, String> map) {
		if (map.isEmpty()) {
			return Map.of();
		}
		if (map instanceof CompactMap) {
			return map;
		}
		String[] keysAndValues = new String[map.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> entry : map.entrySet()) {
			keysAndValues[i++] = entry.getKey();
			keysAndValues[i++] = entry.getValue();
		}
		return new CompactMap(keysAndValues);
	}

	@Override
	public @Nullable String get(Object key) {
		for (int i = 0; i < this.keysAndValues.length; i += 2) {
			if (this.keysAndValues[i].equals(key)) {
				return this.keysAndValues[i + 1];
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return this.keysAndValues.length / 2;
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
						return this.next < CompactMap.this.keysAndValues.length;
					}

					@Override
					public Map.Entry<String, String> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						Map.Entry<String, String> entry = new AbstractMap.SimpleImmutableEntry<>(
								CompactMap.this.keysAndValues[this.next], CompactMap.this.keysAndValues[this.next + 1]);
						this.next += 2;
						return entry;
					}
				};
			}

			@Override
			public int size() {
				return CompactMap.this.size();
			}
		};
	}

}
