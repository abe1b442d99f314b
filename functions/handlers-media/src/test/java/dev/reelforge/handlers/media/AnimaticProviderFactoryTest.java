package dev.reelforge.handlers.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.providers.animatic.AnimaticProvider;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.ProviderAdapters;
import dev.reelforge.wiring.ProviderConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimaticProviderFactoryTest {
    @Test
    void packaged_mediaPackage_findsTheAnimaticThroughItsServiceRegistration(@TempDir Path work) {
        HandlerConfig config =
                HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b", "REELFORGE_WORK_DIR", work.toString()));

        VideoProvider animatic = ProviderAdapters.packaged(
                        ProviderConfig.ANIMATIC, config, new DirectoryClipStore(work.resolve("bucket")))
                .orElseThrow();

        assertThat(animatic).isInstanceOf(AnimaticProvider.class);
        assertThat(animatic.name()).isEqualTo(ProviderConfig.ANIMATIC).isEqualTo(AnimaticProvider.NAME);
        assertThat(work.resolve("animatic")).isDirectory();
        ((AnimaticProvider) animatic).close();
    }
}
