package dev.paymentsimulator.store;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory stores' one shelf per namespace: made by the first write, never by a
 * read, and dropped whole by a reset.
 *
 * @param <S> what a namespace's shelf holds
 */
public final class Shelves<S> {

	private final ConcurrentMap<Namespace, S> shelves = new ConcurrentHashMap<>();

	private final Supplier<S> empty;

	public Shelves(Supplier<S> empty) {
		this.empty = empty;
	}

	/** The namespace's shelf, made if it has none yet: for writes. */
	public S of(Namespace namespace) {
		S shelf = this.shelves.get(namespace);
		return (shelf != null) ? shelf : this.shelves.computeIfAbsent(namespace, (key) -> this.empty.get());
	}

	/** The namespace's shelf; {@code null} if nothing was written to it yet. */
	public @Nullable S get(Namespace namespace) {
		return this.shelves.get(namespace);
	}

	/**
	 * What {@code read} answers from the namespace's shelf; {@code none} when it has
	 * none.
	 */
	public <T> T read(Namespace namespace, Function<S, T> read, T none) {
		S shelf = this.shelves.get(namespace);
		return (shelf != null) ? read.apply(shelf) : none;
	}

	/** What {@code lookup} finds on the namespace's shelf; empty when it has none. */
	public <T> Optional<T> find(Namespace namespace, Function<S, @Nullable T> lookup) {
		return read(namespace, (shelf) -> Optional.ofNullable(lookup.apply(shelf)), Optional.empty());
	}

	/**
	 * Changes one object on the namespace's shelf atomically: {@code change} sees the
	 * current object and the shelf, and answers the next one.
	 * @param kind what the object is, for the {@code resource_missing} problem when
	 * absent
	 */
	public <T> T update(Namespace namespace, String kind, String id, Function<S, ConcurrentMap<String, T>> objects,
			BiFunction<S, T, T> change) {
		S shelf = this.shelves.get(namespace);
		T updated = (shelf != null)
				? objects.apply(shelf).computeIfPresent(id, (key, current) -> change.apply(shelf, current)) : null;
		if (updated == null) {
			throw ApiException.notFound(kind, id);
		}
		return updated;
	}

	/** Takes the namespace's shelf away, for a reset; answers it, or {@code null}. */
	public @Nullable S remove(Namespace namespace) {
		return this.shelves.remove(namespace);
	}

	public Set<Namespace> namespaces() {
		return Set.copyOf(this.shelves.keySet());
	}

	public Collection<S> all() {
		return this.shelves.values();
	}

	public void forEach(BiConsumer<Namespace, S> action) {
		this.shelves.forEach(action);
	}

}
