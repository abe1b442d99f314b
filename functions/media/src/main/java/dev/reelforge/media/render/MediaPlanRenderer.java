package dev.reelforge.media.render;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.AudioPolish;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Executes the file-level part of a {@link MediaPlan}: from the local beat clips (or single original) it writes every
 * rendition (graded, watermarked, loudness-normalised H.264 + AAC with faststart, exact size by the rendition's
 * fit), a poster frame and a thumbnail, all from one FFmpeg run over one decode. A quick audio-only pass measures
 * loudness first so the render pass can normalise linearly. Clip-store transfers are the caller's job. Thread-safe.
 *
 * <pre>{@code
 * var renderer = new MediaPlanRenderer(Ffmpeg.bundled());
 * RenderedPlan rendered = renderer.render(plan, List.of(Path.of("source.mp4")), null, Path.of("out"));
 * }</pre>
 */
public final class MediaPlanRenderer {
    public static final String THUMBNAIL = "thumbnail";
    public static final String POSTER = "poster";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Ffmpeg ffmpeg;
    private final H264Encoder encoder;
    private final FrameDecoding decoding;
    private final FfprobeClipProbe probe;

    public MediaPlanRenderer(Ffmpeg ffmpeg) {
        this(ffmpeg, ffmpeg.h264Encoder(), FrameDecoding.select(ffmpeg, ffmpeg.h264Encoder()));
    }

    public MediaPlanRenderer(Ffmpeg ffmpeg, H264Encoder encoder, FrameDecoding decoding) {
        this.ffmpeg = ffmpeg;
        this.encoder = encoder;
        this.decoding = decoding;
        this.probe = new FfprobeClipProbe(ffmpeg);
    }

    /** The encoder every rendition uses, with the reason it was chosen (for {@code MediaResult}). */
    public H264Encoder encoder() {
        return encoder;
    }

    public FrameDecoding decoding() {
        return decoding;
    }

    /**
     * Writes {@code <rendition>.mp4} per rendition plus {@code poster.jpg} and {@code thumbnail.jpg} (when the plan
     * asks for stills) into {@code outputDir}. {@code clips} are the plan's input clips in order; {@code lut} the local
     * copy of the plan's LUT, or null.
     */
    public RenderedPlan render(MediaPlan plan, List<Path> clips, Path lut, Path outputDir) {
        validate(plan.renditions());
        if (clips.isEmpty() || plan.renditions().isEmpty()) {
            throw new IllegalArgumentException("a media plan needs at least one clip and one rendition");
        }
        List<ProbeResult> facts = clips.stream().map(probe::probe).toList();
        List<Double> seconds = facts.stream().map(ProbeResult::durationSeconds).toList();
        double crossfade = plan.crossfadeSeconds();
        if (clips.size() > 1 && seconds.stream().anyMatch(s -> s <= crossfade)) {
            throw new IllegalArgumentException("every beat clip must be longer than the " + crossfade + " s crossfade");
        }
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum() - crossfade * (clips.size() - 1);
        boolean audio = facts.stream().allMatch(ProbeResult::hasAudio);
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not create the output folder " + outputDir.getFileName() + ": " + e.getMessage(), e);
        }
        LoudnessMeasurement measured = audio ? measure(clips, seconds, crossfade, plan.audio()) : null;
        List<WatermarkImage> marks = new ArrayList<>();
        for (Rendition rendition : plan.renditions()) {
            marks.add(WatermarkImage.write(
                    plan.watermark(),
                    rendition.width(),
                    rendition.height(),
                    outputDir.resolve(".watermark-" + rendition.name() + ".png")));
        }
        boolean cuda = decoding.cuda() && clips.size() == 1;
        ProbeResult first = facts.get(0);
        double fps = first.fps() > 0 ? first.fps() : 30;
        String audioGraph = audio
                ? PlanFilterGraph.audio(
                        seconds, crossfade, plan.audio(), PlanFilterGraph.normaliseStage(plan.audio(), measured))
                : null;
        String graph = PlanFilterGraph.build(new PlanFilterGraph.Spec(
                clips.size(),
                seconds,
                crossfade,
                fps,
                new Rendition("join", even(first.width()), even(first.height()), Rendition.Fit.CROP),
                plan.grade(),
                lut,
                plan.renditions(),
                marks,
                audioGraph,
                plan.thumbnail(),
                total / 2,
                cuda));
        Duration timeout = Duration.ofSeconds(
                120 + Math.round(total * 20 * plan.renditions().size()));
        try {
            ffmpeg.run(
                    "rendering " + plan.renditions().size() + " renditions",
                    args(plan, clips, marks, graph, audio, fps, cuda, outputDir),
                    timeout);
        } finally {
            marks.forEach(mark -> mark.png().toFile().delete());
        }
        List<RenderedOutput> outputs = new ArrayList<>();
        for (Rendition rendition : plan.renditions()) {
            outputs.add(checked(
                    rendition.name(),
                    outputDir.resolve(rendition.name() + ".mp4"),
                    rendition.width(),
                    rendition.height()));
        }
        if (plan.thumbnail()) {
            outputs.add(checked(
                    POSTER,
                    outputDir.resolve(POSTER + ".jpg"),
                    plan.renditions().get(0).width(),
                    plan.renditions().get(0).height()));
            outputs.add(checked(THUMBNAIL, outputDir.resolve(THUMBNAIL + ".jpg"), -1, -1));
        }
        MediaResult.Loudness loudness = measured == null
                ? null
                : new MediaResult.Loudness(
                        measured.integratedLufs(),
                        measured.truePeakDbtp(),
                        measured.lra(),
                        plan.audio().targetLufs(),
                        plan.audio().truePeakDbtp(),
                        normalisation(measured, plan.audio()));
        return new RenderedPlan(
                outputs,
                graph,
                loudness,
                (cuda ? "cuda+scale_cuda: " : "cpu: ")
                        + (cuda || !decoding.cuda() ? decoding.reason() : "beat clips are joined on the CPU"),
                first.width(),
                first.height());
    }

    private static String normalisation(LoudnessMeasurement measured, AudioPolish polish) {
        if (measured.silent()) {
            return "none (silent track)";
        }
        return measured.linearPossible(
                        polish.targetLufs(), PlanFilterGraph.loudnormPeak(polish), PlanFilterGraph.LRA_TARGET)
                ? "loudnorm two-pass, linear gain"
                : "loudnorm two-pass, dynamic (a linear gain would push the true peak over the ceiling)";
    }

    private LoudnessMeasurement measure(List<Path> clips, List<Double> seconds, double crossfade, AudioPolish polish) {
        List<String> args = new ArrayList<>(List.of("-v", "info", "-nostats"));
        for (Path clip : clips) {
            args.addAll(List.of("-vn", "-i", clip.toString()));
        }
        args.addAll(List.of(
                "-filter_complex",
                PlanFilterGraph.audio(seconds, crossfade, polish, PlanFilterGraph.measureStage(polish)),
                "-map",
                "[apol]",
                "-f",
                "null",
                "-"));
        return LoudnessMeasurement.parse(
                ffmpeg.run("measuring loudness", args, Duration.ofSeconds(120)).stderr());
    }

    private List<String> args(
            MediaPlan plan,
            List<Path> clips,
            List<WatermarkImage> marks,
            String graph,
            boolean audio,
            double fps,
            boolean cuda,
            Path outputDir) {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-y"));
        for (Path clip : clips) {
            if (cuda) {
                args.addAll(List.of("-hwaccel", "cuda", "-hwaccel_output_format", "cuda"));
            }
            args.addAll(List.of("-i", clip.toString()));
        }
        for (WatermarkImage mark : marks) {
            args.addAll(List.of("-i", mark.png().toString()));
        }
        args.addAll(List.of("-filter_complex", graph));
        for (int i = 0; i < plan.renditions().size(); i++) {
            Rendition rendition = plan.renditions().get(i);
            args.addAll(List.of("-map", "[v" + i + "]"));
            if (audio) {
                args.addAll(List.of("-map", "[a" + i + "]", "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2"));
            }
            args.addAll(encoder.outputArgs(rendition.width(), rendition.height(), fps));
            args.addAll(List.of(
                    "-movflags",
                    "+faststart",
                    "-f",
                    "mp4",
                    outputDir.resolve(rendition.name() + ".mp4").toString()));
        }
        if (plan.thumbnail()) {
            for (String[] still : new String[][] {
                {PlanFilterGraph.POSTER_OUT, POSTER, "2"}, {PlanFilterGraph.THUMBNAIL_OUT, THUMBNAIL, "4"}
            }) {
                args.addAll(List.of(
                        "-map",
                        "[" + still[0] + "]",
                        "-frames:v",
                        "1",
                        "-q:v",
                        still[2],
                        "-f",
                        "image2",
                        "-update",
                        "1",
                        outputDir.resolve(still[1] + ".jpg").toString()));
            }
        }
        return args;
    }

    private RenderedOutput checked(String name, Path file, int expectedWidth, int expectedHeight) {
        ProbeResult written = probe.probe(file);
        if (expectedWidth > 0 && (written.width() != expectedWidth || written.height() != expectedHeight)) {
            throw new MediaProcessingException(name + " came out " + written.width() + "x" + written.height()
                    + " instead of " + expectedWidth + "x" + expectedHeight);
        }
        return new RenderedOutput(name, file, written.width(), written.height(), sha256(file));
    }

    private static void validate(List<Rendition> renditions) {
        Set<String> names = new HashSet<>();
        for (Rendition rendition : renditions) {
            if (!SAFE_NAME.matcher(rendition.name()).matches()
                    || rendition.name().equals(THUMBNAIL)
                    || rendition.name().equals(POSTER)) {
                throw new IllegalArgumentException("rendition name '" + rendition.name()
                        + "' must be 1–64 letters, digits, '.', '_' or '-' and not 'thumbnail' or 'poster'");
            }
            if (!names.add(rendition.name())) {
                throw new IllegalArgumentException("rendition name '" + rendition.name() + "' is used twice");
            }
            if (rendition.width() <= 0
                    || rendition.height() <= 0
                    || rendition.width() % 2 != 0
                    || rendition.height() % 2 != 0) {
                throw new IllegalArgumentException(
                        "rendition " + rendition.name() + " needs a positive, even width and height "
                                + "(H.264 4:2:0), got " + rendition.width() + "x" + rendition.height());
            }
        }
    }

    private static int even(int value) {
        return value - value % 2;
    }

    /** Lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Lower-case hex SHA-256 of a file's bytes; a read failure is a media failure. */
    public static String sha256(Path file) {
        try {
            return Sha256.hexOfFile(file);
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not read " + file.getFileName() + " to hash it: " + e.getMessage(), e);
        }
    }
}
