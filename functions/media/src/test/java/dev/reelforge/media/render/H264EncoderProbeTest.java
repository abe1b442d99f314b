package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.media.Ffmpeg;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H264EncoderProbeTest {
    private static final String LISTING = """
             V....D libopenh264          OpenH264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)
             A....D aac                  AAC (Advanced Audio Coding)
            """;

    @Test
    void choose_nvencTestEncodeWorks_picksNvenc() {
        H264Encoder encoder = H264EncoderProbe.choose(LISTING, name -> Optional.empty());

        assertThat(encoder.name()).isEqualTo("h264_nvenc");
        assertThat(encoder.isGpu()).isTrue();
        assertThat(encoder.outputArgs(1080, 1920, 30)).contains("-preset", "p4");
    }

    @Test
    void choose_nvencTestEncodeFails_fallsBackToOpenH264WithTheReason() {
        H264Encoder encoder = H264EncoderProbe.choose(LISTING, name -> Optional.of("Cannot load libcuda.so.1"));

        assertThat(encoder.name()).isEqualTo("libopenh264");
        assertThat(encoder.reason()).contains("Cannot load libcuda.so.1").contains("libopenh264");
    }

    @Test
    void choose_noNvencListed_saysSo() {
        H264Encoder encoder = H264EncoderProbe.choose(" V....D libopenh264  OpenH264\n", name -> Optional.empty());

        assertThat(encoder.name()).isEqualTo("libopenh264");
        assertThat(encoder.reason()).contains("no h264_nvenc");
    }

    @Test
    void choose_noH264EncoderAtAll_throws() {
        assertThatThrownBy(() -> H264EncoderProbe.choose(" A....D aac  AAC\n", name -> Optional.empty()))
                .isInstanceOf(MediaProcessingException.class);
    }

    @Test
    void h264Encoder_onThisMachine_isProbedOnceAndExplained() {
        Ffmpeg ffmpeg = Ffmpeg.bundled();

        H264Encoder encoder = ffmpeg.h264Encoder();

        assertThat(encoder.name()).isIn("h264_nvenc", "libopenh264");
        assertThat(encoder.reason()).isNotBlank();
        assertThat(ffmpeg.h264Encoder()).isSameAs(encoder);
    }
}
