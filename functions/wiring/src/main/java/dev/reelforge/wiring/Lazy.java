package dev.reelforge.wiring;

import java.util.Objects;
import java.util.function.Supplier;

/** A value built on first use and then kept; thread-safe, and built at most once. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> factory;
    private volatile boolean built;
    private T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public T get() {
        if (!built) {
            synchronized (this) {
                if (!built) {
                    value = factory.get();
                    built = true;
                }
            }
        }
        return value;
    }
}
