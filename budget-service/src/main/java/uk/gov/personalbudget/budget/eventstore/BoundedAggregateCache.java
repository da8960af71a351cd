package uk.gov.personalbudget.budget.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate {@link Cache} on a Caffeine cache holding at most a fixed number of budgets, the least used
 * evicted first. Unlike Axon's {@code WeakReferenceCache}, whose entries every garbage collection clears (under
 * load several times a second), a budget stays cached between its commands; the bound keeps memory in check.
 * An entry is handed out only once its {@link EntryCheck} has made sure it is current (bringing it up to date if it
 * can); otherwise it is removed, and Axon loads the budget from the event store.
 */
final class BoundedAggregateCache implements Cache {

    /** As an entry is read: makes it current if it is not and can be; false when it may not be used. */
    @FunctionalInterface
    interface EntryCheck {

        EntryCheck ALWAYS_CURRENT = (key, entry) -> true;

        boolean makeCurrent(Object key, Object entry);
    }

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final ConcurrentMap<Object, Object> entries;
    private final EntryCheck check;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(long maximumSize) {
        this(maximumSize, EntryCheck.ALWAYS_CURRENT);
    }

    BoundedAggregateCache(long maximumSize, EntryCheck check) {
        this.check = check;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Told of evictions only, on the evicting thread: a removal listener was also told of every
                // replacement (each command's put), each through a task handed to the common ForkJoinPool.
                .evictionListener((Object key, Object value, RemovalCause cause) ->
                        listeners.forEach(listener -> listener.onEntryExpired(key)))
                // Its upkeep after writes is done by the writing thread rather than handed to another one.
                .executor(Runnable::run)
                .build();
        this.entries = cache.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = cache.getIfPresent(key);
        if (value != null && !check.makeCurrent(key, value)) {
            remove(key);
            return null;
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> {
            T value = valueSupplier.get();
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
            return value;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> {
            V updated = update.apply((V) value);
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
            return updated;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
