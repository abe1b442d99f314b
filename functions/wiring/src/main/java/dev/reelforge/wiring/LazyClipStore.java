package dev.reelforge.wiring;

import dev.reelforge.core.port.ClipStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A clip store whose backing store (the S3 client, in AWS) is built on the first call that needs it, so a handler
 * that holds one without using it on this invocation pays nothing for it: Submit with a hosted provider and no
 * reference image, or Poll while the provider is still rendering. The S3 client is a sixth of such a cold start.
 * Where init runs ahead of requests (a SnapStart snapshot), the wiring calls {@link #build} at once instead, since
 * a client built then costs no request anything.
 */
final class LazyClipStore implements ClipStore {
    private final Supplier<ClipStore> store;

    LazyClipStore(Supplier<ClipStore> store) {
        this.store = Lazy.of(store);
    }

    /** Builds the backing store now, if it is not built yet. */
    void build() {
        store.get();
    }

    @Override
    public void putFile(String key, Path file, String contentType) {
        store.get().putFile(key, file, contentType);
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        store.get().putBytes(key, content, contentType);
    }

    @Override
    public void download(String key, Path target) {
        store.get().download(key, target);
    }

    @Override
    public Optional<byte[]> getBytes(String key) {
        return store.get().getBytes(key);
    }

    @Override
    public boolean exists(String key) {
        return store.get().exists(key);
    }

    @Override
    public OptionalLong size(String key) {
        return store.get().size(key);
    }

    @Override
    public Optional<String> shareableUrl(String tenant, String key, Duration validity) {
        return store.get().shareableUrl(tenant, key, validity);
    }

    @Override
    public String locate(String key) {
        return store.get().locate(key);
    }
}
