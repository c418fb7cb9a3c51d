package dev.paymentsimulator.store;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.paymentsimulator.account.Namespace;
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

	/** What {@code lookup} finds on the namespace's shelf; empty when it has none. */
	public <T> Optional<T> find(Namespace namespace, Function<S, @Nullable T> lookup) {
		S shelf = this.shelves.get(namespace);
		return (shelf != null) ? Optional.ofNullable(lookup.apply(shelf)) : Optional.empty();
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
