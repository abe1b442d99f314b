package dev.reelforge.core.port;

import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.provider.ExtendSpec;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.provider.ReframeSpec;
import java.nio.file.Path;

/**
 * A video-generation service driven asynchronously: submit, poll until done, download the result. Adapters
 * map their protocol errors to {@code dev.reelforge.core.error} types so the state machine can Retry or Catch.
 * Implementations are thread-safe.
 */
public interface VideoProvider {
    /** The provider's name in requests and capability data, e.g. {@code animatic}. */
    String name();

    /**
     * Starts a generation. A second call with the same {@code idempotencyKey} returns the existing job instead of
     * paying for a new one.
     */
    ProviderJob submit(GenerationSpec spec, String idempotencyKey);

    ProviderJob poll(String providerJobId);

    /** Writes the completed clip to {@code target}. */
    void download(String providerJobId, Path target);

    /**
     * Continues a clip this provider rendered ({@link ExtendSpec#sourceJobId()}, completed) as a new job, polled and
     * downloaded like any other. What the new job's clip holds is the adapter's to document: Veo returns the whole
     * longer clip, Luma the continuation only. Check the spec against the capability data first
     * ({@link ExtendSpec#check}); a second call with the same {@code idempotencyKey} returns the same job.
     *
     * @throws ProviderFailedException when this adapter cannot extend (the default)
     */
    default ProviderJob extend(ExtendSpec spec, String idempotencyKey) {
        throw new ProviderFailedException(name() + " cannot extend clips; its adapter maps no extend");
    }

    /**
     * Changes a finished clip's aspect ratio at the provider ({@link ReframeSpec}) as a new job of the source's
     * length. Check the spec against the capability data first ({@link ReframeSpec#check}).
     *
     * @throws ProviderFailedException when this adapter cannot reframe (the default)
     */
    default ProviderJob reframe(ReframeSpec spec, String idempotencyKey) {
        throw new ProviderFailedException(name() + " cannot reframe clips; its adapter maps no reframe");
    }
}
