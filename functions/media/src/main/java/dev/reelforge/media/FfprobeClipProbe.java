package dev.reelforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.port.ClipProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@link ClipProbe} over the bundled {@code ffprobe}: container duration, the first video stream's size, codec and
 * average frame rate, and the first audio stream's codec, rate and channels. Thread-safe.
 */
public final class FfprobeClipProbe implements ClipProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Ffmpeg ffmpeg;

    public FfprobeClipProbe(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public ProbeResult probe(Path clip) {
        if (!Files.isRegularFile(clip)) {
            throw new MediaProcessingException("no clip file at " + clip.getFileName() + " to probe");
        }
        String json = ffmpeg.probe(
                        "probing " + clip.getFileName(),
                        List.of(
                                "-v",
                                "error",
                                "-print_format",
                                "json",
                                "-show_streams",
                                "-show_format",
                                clip.toString()),
                        TIMEOUT)
                .stdoutText();
        try {
            return parse(JSON.readTree(json), clip);
        } catch (IOException e) {
            throw new MediaProcessingException("ffprobe printed unreadable JSON for " + clip.getFileName(), e);
        }
    }

    private static ProbeResult parse(JsonNode root, Path clip) {
        JsonNode video = firstStream(root, "video");
        if (video == null) {
            throw new MediaProcessingException(clip.getFileName() + " has no video stream; it is not a usable clip");
        }
        JsonNode audio = firstStream(root, "audio");
        double duration = root.path("format")
                .path("duration")
                .asDouble(video.path("duration").asDouble(0));
        double fps = rate(video.path("avg_frame_rate").asText(""));
        if (fps <= 0) {
            fps = rate(video.path("r_frame_rate").asText(""));
        }
        return new ProbeResult(
                duration,
                video.path("width").asInt(),
                video.path("height").asInt(),
                fps,
                video.path("codec_name").asText(""),
                audio == null ? "" : audio.path("codec_name").asText(""),
                audio == null ? 0 : audio.path("sample_rate").asInt(),
                audio == null ? 0 : audio.path("channels").asInt());
    }

    private static JsonNode firstStream(JsonNode root, String type) {
        for (JsonNode stream : root.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())
                    && stream.path("disposition").path("attached_pic").asInt() == 0) {
                return stream;
            }
        }
        return null;
    }

    /** ffprobe writes rates as fractions such as {@code 24000/1001}; {@code 0/0} means unknown. */
    static double rate(String fraction) {
        int slash = fraction.indexOf('/');
        try {
            if (slash < 0) {
                return fraction.isEmpty() ? 0 : Double.parseDouble(fraction);
            }
            double denominator = Double.parseDouble(fraction.substring(slash + 1));
            return denominator == 0 ? 0 : Double.parseDouble(fraction.substring(0, slash)) / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
