package dev.reelforge.handlers.media;

import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.handlers.config.HandlerConfig;
import dev.reelforge.handlers.config.ProviderAdapterFactory;
import dev.reelforge.providers.animatic.AnimaticProvider;

/**
 * Puts the animatic into Submit and Poll when they are built from this package (template.yaml does so when
 * Provider is animatic); registered in META-INF/services. Renders go to {@code <work dir>/animatic}.
 */
public final class AnimaticProviderFactory implements ProviderAdapterFactory {
    @Override
    public String name() {
        return AnimaticProvider.NAME;
    }

    @Override
    public VideoProvider create(HandlerConfig config) {
        return new AnimaticProvider(config.workDir().resolve("animatic"));
    }
}
