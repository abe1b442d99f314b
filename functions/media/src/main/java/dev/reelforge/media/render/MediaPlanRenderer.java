package dev.reelforge.media.render;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Executes the file-level part of a {@link MediaPlan}: from one local source MP4 it writes every rendition (H.264 +
 * AAC, faststart, exact size by the rendition's fit) in a single decode, and a poster-frame JPEG from the middle.
 * Clip-store upload and keys are the caller's job. Thread-safe.
 *
 * <pre>{@code
 * var renderer = new MediaPlanRenderer(Ffmpeg.bundled());
 * List<RenderedOutput> outputs = renderer.render(plan, Path.of("source.mp4"), Path.of("out"));
 * new MediaResult(plan.jobId(), ..., renderer.encoder().name(), renderer.encoder().reason());
 * }</pre>
 */
public final class MediaPlanRenderer {
    public static final String THUMBNAIL = "thumbnail";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Ffmpeg ffmpeg;
    private final H264Encoder encoder;
    private final FfprobeClipProbe probe;

    public MediaPlanRenderer(Ffmpeg ffmpeg) {
        this(ffmpeg, ffmpeg.h264Encoder());
    }

    public MediaPlanRenderer(Ffmpeg ffmpeg, H264Encoder encoder) {
        this.ffmpeg = ffmpeg;
        this.encoder = encoder;
        this.probe = new FfprobeClipProbe(ffmpeg);
    }

    /** The encoder every rendition uses, with the reason it was chosen (for {@code MediaResult}). */
    public H264Encoder encoder() {
        return encoder;
    }

    public List<RenderedOutput> render(MediaPlan plan, Path source, Path outputDir) {
        return render(source, plan.renditions(), plan.thumbnail(), outputDir);
    }

    /** Writes {@code <name>.mp4} per rendition and {@code thumbnail.jpg} into {@code outputDir}. */
    public List<RenderedOutput> render(Path source, List<Rendition> renditions, boolean thumbnail, Path outputDir) {
        validate(renditions);
        ProbeResult facts = probe.probe(source);
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new MediaProcessingException("could not create the output folder " + outputDir.getFileName() + ": " + e.getMessage(), e);
        }
        List<RenderedOutput> outputs = new ArrayList<>();
        if (!renditions.isEmpty()) {
            Duration timeout = Duration.ofSeconds(120 + Math.round(facts.durationSeconds() * 20 * renditions.size()));
            ffmpeg.run("writing " + renditions.size() + " renditions", renditionArgs(source, renditions, facts, outputDir), timeout);
            for (Rendition rendition : renditions) {
                outputs.add(checked(rendition.name(), outputDir.resolve(rendition.name() + ".mp4"), rendition.width(), rendition.height()));
            }
        }
        if (thumbnail) {
            Path jpeg = outputDir.resolve(THUMBNAIL + ".jpg");
            String middle = String.format(Locale.ROOT, "%.3f", facts.durationSeconds() / 2);
            ffmpeg.run("writing the thumbnail", List.of("-v", "error", "-y", "-ss", middle, "-i", source.toString(),
                    "-frames:v", "1", "-q:v", "3", "-f", "image2", "-update", "1", jpeg.toString()), Duration.ofSeconds(60));
            outputs.add(checked(THUMBNAIL, jpeg, facts.width(), facts.height()));
        }
        return outputs;
    }

    private List<String> renditionArgs(Path source, List<Rendition> renditions, ProbeResult facts, Path outputDir) {
        StringBuilder graph = new StringBuilder("[0:v]split=" + renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            graph.append(";[s").append(i).append(']').append(FitFilter.of(renditions.get(i))).append("[v").append(i).append(']');
        }
        List<String> args = new ArrayList<>(List.of("-v", "error", "-y", "-i", source.toString(), "-filter_complex", graph.toString()));
        double fps = facts.fps() > 0 ? facts.fps() : 30;
        for (int i = 0; i < renditions.size(); i++) {
            Rendition rendition = renditions.get(i);
            args.addAll(List.of("-map", "[v" + i + "]", "-map", "0:a:0?"));
            args.addAll(encoder.outputArgs(rendition.width(), rendition.height(), fps));
            args.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart",
                    "-f", "mp4", outputDir.resolve(rendition.name() + ".mp4").toString()));
        }
        return args;
    }

    private RenderedOutput checked(String name, Path file, int expectedWidth, int expectedHeight) {
        ProbeResult written = probe.probe(file);
        if (written.width() != expectedWidth || written.height() != expectedHeight) {
            throw new MediaProcessingException(name + " came out " + written.width() + "x" + written.height()
                    + " instead of " + expectedWidth + "x" + expectedHeight);
        }
        return new RenderedOutput(name, file, written.width(), written.height(), sha256(file));
    }

    private static void validate(List<Rendition> renditions) {
        Set<String> names = new HashSet<>();
        for (Rendition rendition : renditions) {
            if (!SAFE_NAME.matcher(rendition.name()).matches() || rendition.name().equals(THUMBNAIL)) {
                throw new IllegalArgumentException("rendition name '" + rendition.name()
                        + "' must be 1–64 letters, digits, '.', '_' or '-' and not 'thumbnail'");
            }
            if (!names.add(rendition.name())) {
                throw new IllegalArgumentException("rendition name '" + rendition.name() + "' is used twice");
            }
            if (rendition.width() <= 0 || rendition.height() <= 0 || rendition.width() % 2 != 0 || rendition.height() % 2 != 0) {
                throw new IllegalArgumentException("rendition " + rendition.name() + " needs a positive, even width and height "
                        + "(H.264 4:2:0), got " + rendition.width() + "x" + rendition.height());
            }
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new MediaProcessingException("could not read " + file.getFileName() + " to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
