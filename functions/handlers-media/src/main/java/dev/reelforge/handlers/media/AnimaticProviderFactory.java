package dev.reelforge.handlers.media;

import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.providers.animatic.AnimaticProvider;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.ProviderAdapterFactory;

/**
 * Puts the animatic into Submit and Poll when they are built from this package (template.yaml does so when
 * Provider is animatic); registered in META-INF/services. In Lambda the animatic renders inline, during Submit's
 * invocation, and keeps finished clips in the bucket under {@link AnimaticProvider#STORE_PREFIX}, where Poll
 * (another container) finds them; see {@link AnimaticProvider#inline}.
 */
public final class AnimaticProviderFactory implements ProviderAdapterFactory {
    @Override
    public String name() {
        return AnimaticProvider.NAME;
    }

    @Override
    public VideoProvider create(HandlerConfig config, ClipStore clips) {
        return AnimaticProvider.inline(clips, config.workDir().resolve("animatic"));
    }
}
