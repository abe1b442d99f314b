package dev.reelforge.local.runtime;

import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps a real provider and keeps what was submitted to it, so a test can prove a cache hit paid for nothing and
 * see what each provider job was asked for.
 */
final class CountingProvider implements VideoProvider {
    private final VideoProvider delegate;
    private final List<GenerationSpec> submitted = Collections.synchronizedList(new ArrayList<>());

    CountingProvider(VideoProvider delegate) {
        this.delegate = delegate;
    }

    int submissions() {
        return submitted.size();
    }

    /** The specs submitted so far, in order (a copy). */
    List<GenerationSpec> submitted() {
        synchronized (submitted) {
            return List.copyOf(submitted);
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        submitted.add(spec);
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
