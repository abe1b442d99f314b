package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfprobeClipProbeTest {
    private final Ffmpeg ffmpeg = Ffmpeg.bundled();
    private final FfprobeClipProbe probe = new FfprobeClipProbe(ffmpeg);

    @TempDir
    Path dir;

    @Test
    void probe_ntscRateClipWithMonoAudio_reportsItsFacts() {
        Path clip = dir.resolve("ntsc.mp4");
        ffmpeg.run(
                "making a test clip",
                List.of(
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=320x240:r=30000/1001:d=1",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=r=44100:d=1",
                        "-c:v",
                        "libopenh264",
                        "-c:a",
                        "aac",
                        "-ac",
                        "1",
                        "-shortest",
                        clip.toString()),
                Duration.ofSeconds(30));

        ProbeResult result = probe.probe(clip);

        assertThat(result.width()).isEqualTo(320);
        assertThat(result.height()).isEqualTo(240);
        assertThat(result.fps()).isCloseTo(29.97, within(0.01));
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.audioCodec()).isEqualTo("aac");
        assertThat(result.audioSampleRate()).isEqualTo(44_100);
        assertThat(result.audioChannels()).isEqualTo(1);
        assertThat(result.durationSeconds()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void probe_silentClip_hasNoAudio() {
        Path clip = dir.resolve("silent.mp4");
        ffmpeg.run(
                "making a silent clip",
                List.of(
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=64x64:r=10:d=0.5",
                        "-c:v",
                        "libopenh264",
                        clip.toString()),
                Duration.ofSeconds(30));

        assertThat(probe.probe(clip).hasAudio()).isFalse();
    }

    @Test
    void probe_textFile_throwsMediaProcessing() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> probe.probe(text))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("notes.mp4");
    }

    @Test
    void probe_missingFile_throwsMediaProcessing() {
        assertThatThrownBy(() -> probe.probe(dir.resolve("gone.mp4"))).isInstanceOf(MediaProcessingException.class);
    }

    @Test
    void rate_fractions_parseAndUnknownIsZero() {
        assertThat(FfprobeClipProbe.rate("24/1")).isEqualTo(24);
        assertThat(FfprobeClipProbe.rate("0/0")).isZero();
        assertThat(FfprobeClipProbe.rate("")).isZero();
    }
}
