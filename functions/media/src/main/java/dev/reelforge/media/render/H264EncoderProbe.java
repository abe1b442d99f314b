package dev.reelforge.media.render;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.media.Ffmpeg;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Picks the H.264 encoder once per process. The bundled FFmpeg always lists {@code h264_nvenc}, but it only works
 * where a CUDA device and driver are present, so a one-frame test encode decides; otherwise the CPU encoder.
 */
public final class H264EncoderProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Ffmpeg ffmpeg;

    public H264EncoderProbe(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public H264Encoder select() {
        String listing =
                ffmpeg.run("listing encoders", List.of("-encoders"), TIMEOUT).stdoutText();
        return choose(listing, this::testEncode);
    }

    /** The decision alone: {@code testEncode} returns the failure text, or empty when the encoder worked. */
    static H264Encoder choose(String encoderListing, Function<String, Optional<String>> testEncode) {
        String nvencNote;
        if (listed(encoderListing, H264Encoder.NVENC)) {
            Optional<String> failure = testEncode.apply(H264Encoder.NVENC);
            if (failure.isEmpty()) {
                return new H264Encoder(
                        H264Encoder.NVENC, "h264_nvenc: a one-frame test encode succeeded on the NVIDIA GPU");
            }
            nvencNote = "h264_nvenc is built in but its test encode failed, so no usable NVIDIA GPU (" + failure.get()
                    + ")";
        } else {
            nvencNote = "this FFmpeg build has no h264_nvenc";
        }
        for (String cpu : List.of(H264Encoder.OPENH264, "libx264")) {
            if (listed(encoderListing, cpu)) {
                return new H264Encoder(cpu, nvencNote + "; using " + cpu + " on the CPU");
            }
        }
        throw new MediaProcessingException("the bundled FFmpeg has no H.264 encoder (" + nvencNote
                + " and neither libopenh264 nor libx264); use org.bytedeco:ffmpeg with its linux-x86_64 classifier");
    }

    private Optional<String> testEncode(String encoder) {
        try {
            ffmpeg.run(
                    "test-encoding one frame with " + encoder,
                    List.of(
                            "-v",
                            "error",
                            "-f",
                            "lavfi",
                            "-i",
                            "color=c=black:s=256x256:r=25",
                            "-frames:v",
                            "1",
                            "-c:v",
                            encoder,
                            "-f",
                            "null",
                            "-"),
                    TIMEOUT);
            return Optional.empty();
        } catch (MediaProcessingException e) {
            String message = e.getMessage();
            int detail = message.indexOf("): ");
            return Optional.of(detail < 0 ? message : message.substring(detail + 3));
        }
    }

    private static boolean listed(String listing, String encoder) {
        return Pattern.compile("(?m)^\\s*V\\S*\\s+" + Pattern.quote(encoder) + "\\s")
                .matcher(listing)
                .find();
    }
}
