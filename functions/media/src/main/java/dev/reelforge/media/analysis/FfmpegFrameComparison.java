package dev.reelforge.media.analysis;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.port.FrameComparison;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FrameComparison} with FFmpeg's {@code ssim} filter: the clip's first frame and the image, both as
 * yuv420p, the image scaled to the clip's frame first (they are the same size when the image is the fitted copy).
 * The filter writes the frame's scores to stdout ({@code stats_file=-}; its summary goes to the log, whose tail
 * did not always keep it). The score is the luma plane's ({@code Y:}): the chroma planes of a photograph are smooth, and their near-1
 * scores lifted the filter's {@code All} value of an unrelated frame to 0.68. Thread-safe.
 */
public final class FfmpegFrameComparison implements FrameComparison {
    private static final Pattern LUMA_SSIM = Pattern.compile("^n:1 Y:(-?[0-9.]+)", Pattern.MULTILINE);

    private final Ffmpeg ffmpeg;

    public FfmpegFrameComparison(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public double firstFrameSsim(Path clip, Path image) {
        String log = ffmpeg.run(
                        "comparing the first frame with the reference image",
                        List.of(
                                "-v",
                                "error",
                                "-an",
                                "-i",
                                clip.toString(),
                                "-i",
                                image.toString(),
                                "-lavfi",
                                "[0:v]trim=end_frame=1,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]setpts=PTS-STARTPTS[i];"
                                        + "[i][a]scale2ref[b][a2];"
                                        + "[b]format=yuv420p[b2];[a2][b2]ssim=stats_file=-",
                                "-f",
                                "null",
                                "-"),
                        Duration.ofSeconds(60))
                .stdoutText();
        Matcher m = LUMA_SSIM.matcher(log);
        if (!m.find()) {
            throw new MediaProcessingException("FFmpeg's ssim filter gave no score for " + clip.getFileName());
        }
        return Double.parseDouble(m.group(1));
    }

    /** Seeks to the last second and keeps overwriting one PNG, so the file left is the last decoded frame. */
    @Override
    public void writeLastFrame(Path clip, Path png) {
        ffmpeg.run(
                "taking the last frame of the accepted shot",
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-sseof",
                        "-1",
                        "-i",
                        clip.toString(),
                        "-an",
                        "-update",
                        "1",
                        "-f",
                        "image2",
                        png.toString()),
                Duration.ofSeconds(60));
        if (!Files.isRegularFile(png)) {
            throw new MediaProcessingException("FFmpeg wrote no last frame for " + clip.getFileName());
        }
    }
}
