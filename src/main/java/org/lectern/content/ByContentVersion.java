package org.lectern.content;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from published content (a chapter's questions, its challenges), kept per key until the content
 * changes: every chapter view reads them, and only publishing changes them, which changes the catalog's version.
 *
 * @param <K> what a value is read for, such as a chapter's id
 * @param <V> the value
 */
public final class ByContentVersion<K, V> {
    private record Kept<V>(long version, V value) {}

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final LongSupplier version;

    /** @param version changes whenever content changes ({@link Catalog#version}) */
    public ByContentVersion(LongSupplier version) {
        this.version = version;
    }

    /**
     * The value for the key, read with {@code read} unless it was read at the current version. The version is taken
     * before the value is read, so a value read while new content was being written is read again once the version
     * says the content changed.
     */
    public V get(K key, Function<K, V> read) {
        long now = version.getAsLong();
        Kept<V> value = kept.get(key);
        if (value == null || value.version() != now) {
            value = new Kept<>(now, read.apply(key));
            kept.put(key, value);
        }
        return value.value();
    }
}
