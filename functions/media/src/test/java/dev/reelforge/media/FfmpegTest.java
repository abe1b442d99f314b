package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.MediaProcessingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegTest {
    private final Ffmpeg ffmpeg = Ffmpeg.bundled();

    @Test
    void bundled_always_locatesExecutablesFromTheJar() {
        assertThat(ffmpeg.ffmpegPath()).isExecutable().hasFileName("ffmpeg");
        assertThat(ffmpeg.ffprobePath()).isExecutable().hasFileName("ffprobe");
        assertThat(Ffmpeg.bundled()).isSameAs(ffmpeg);
    }

    @Test
    void run_encoderListing_includesCpuH264AndNativeAac() {
        String encoders = ffmpeg.run("listing encoders", List.of("-encoders"), Duration.ofSeconds(30))
                .stdoutText();

        assertThat(encoders).contains("libopenh264").contains(" aac ");
    }

    @Test
    void run_failingCommand_throwsWithPurposeCauseAndNoSecrets() {
        String signedUrl = "http://127.0.0.1:9/clip.mp4?X-Amz-Signature=deadbeef";

        assertThatThrownBy(() -> ffmpeg.run(
                        "reading the source",
                        List.of("-v", "error", "-i", signedUrl, "-f", "null", "-"),
                        Duration.ofSeconds(30)))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("ffmpeg failed while reading the source (exit")
                .hasMessageNotContaining("X-Amz-Signature")
                .hasMessageNotContaining("deadbeef");
    }

    @Test
    void run_slowCommand_timesOut() {
        assertThatThrownBy(() -> ffmpeg.run(
                        "looping forever",
                        List.of(
                                "-v",
                                "error",
                                "-re",
                                "-f",
                                "lavfi",
                                "-i",
                                "color=c=black:s=16x16:r=1",
                                "-f",
                                "null",
                                "-"),
                        Duration.ofMillis(300)))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void run_rawOutput_returnsStdoutBytes() {
        byte[] raw = ffmpeg.run(
                        "making one gray frame",
                        List.of(
                                "-v",
                                "error",
                                "-f",
                                "lavfi",
                                "-i",
                                "color=c=white:s=4x2",
                                "-frames:v",
                                "1",
                                "-f",
                                "rawvideo",
                                "-pix_fmt",
                                "gray",
                                "-"),
                        Duration.ofSeconds(30))
                .stdout();

        assertThat(raw).hasSize(8);
    }
}
