package dev.reelforge.local.runtime;

import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real provider and counts submissions, so a test can prove a cache hit paid for nothing. */
final class CountingProvider implements VideoProvider {
    private final VideoProvider delegate;
    private final AtomicInteger submissions = new AtomicInteger();

    CountingProvider(VideoProvider delegate) {
        this.delegate = delegate;
    }

    int submissions() {
        return submissions.get();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        submissions.incrementAndGet();
        return delegate.submit(spec, idempotencyKey);
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        return delegate.poll(providerJobId);
    }

    @Override
    public void download(String providerJobId, Path target) {
        delegate.download(providerJobId, target);
    }
}
