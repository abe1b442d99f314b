package dev.reelforge.media.analysis.natural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.media.Ffmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The natural calibration corpus of the review checks: windows of 5–10 s cut from the footage that
 * {@link NaturalFootage} fetches, each at two of the request shapes, each with the storyboard a creator would write
 * for it, whose shot boundaries sit at the source's real cuts. The fixture ({@code natural-corpus.json}) says where
 * the cuts are and how they were found. Clips are encoded once into the footage cache's {@code corpus/} folder and
 * reused; each file's name carries a hash of the FFmpeg arguments that made it, so a changed filter makes a new file.
 */
final class NaturalCorpus {
    static final String CALIBRATION = "calibration";
    static final String TEST = "test";
    static final double MAX_UPSCALE = 2.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIN_BEAT_SECONDS = 0.3;

    private final Path footage;
    private final Path cache;
    private final Ffmpeg ffmpeg;
    private final List<Clip> clips;

    private NaturalCorpus(Path footage, Path cache, Ffmpeg ffmpeg, List<Clip> clips) {
        this.footage = footage;
        this.cache = cache;
        this.ffmpeg = ffmpeg;
        this.clips = List.copyOf(clips);
    }

    /** One corpus clip: a window of a source at one request shape, with its storyboard and its real cuts. */
    record Clip(
            String name,
            String source,
            String split,
            boolean sourceHasAudio,
            double start,
            RenderSettings settings,
            Storyboard storyboard,
            List<Double> cuts) {
        double duration() {
            return settings.durationSeconds();
        }

        /** Where one shot hands over to the next, or the middle beat boundary of a one-shot clip. */
        double firstBoundary() {
            return cuts.isEmpty() ? storyboard.beatBoundaries().get(0) : cuts.get(0);
        }
    }

    static NaturalCorpus load(Path footage, Ffmpeg ffmpeg) {
        try (InputStream in = NaturalCorpus.class.getResourceAsStream("natural-corpus.json")) {
            JsonNode fixture = JSON.readTree(in);
            List<RenderSettings> shapes = new ArrayList<>();
            List<Clip> clips = new ArrayList<>();
            int windowIndex = 0;
            for (JsonNode source : fixture.path("sources")) {
                for (JsonNode window : source.path("windows")) {
                    int cut = 0;
                    for (int offset = 0;
                            cut < 2 && offset < fixture.path("shapes").size();
                            offset++) {
                        JsonNode shape = fixture.path("shapes")
                                .get((windowIndex + offset)
                                        % fixture.path("shapes").size());
                        if (upscale(source, shape) <= MAX_UPSCALE) {
                            clips.add(clip(
                                    source,
                                    window.get(0).asDouble(),
                                    window.get(1).asDouble(),
                                    shape));
                            cut++;
                        }
                    }
                    windowIndex++;
                }
            }
            Path cache = footage.resolve("corpus");
            Files.createDirectories(cache);
            return new NaturalCorpus(footage, cache, ffmpeg, clips);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How much a source must be enlarged to fill a shape's frame. A window is not cut at a shape that needs more than
     * {@value #MAX_UPSCALE}×: such a clip is as soft as a low-resolution render blown up to the frame, which the blur
     * check rightly reports, so it is no clean clip.
     */
    private static double upscale(JsonNode source, JsonNode shape) {
        FrameSize frame = Resolution.fromLabel(shape.path("resolution").asText())
                .frameSize(AspectRatio.fromLabel(shape.path("aspectRatio").asText()));
        return Math.max(
                (double) frame.width() / source.path("width").asInt(),
                (double) frame.height() / source.path("height").asInt());
    }

    List<Clip> clips() {
        return clips;
    }

    List<Clip> clips(String split) {
        return clips.stream().filter(c -> c.split().equals(split)).toList();
    }

    private static Clip clip(JsonNode source, double start, double duration, JsonNode shape) {
        RenderSettings settings = new RenderSettings(
                AspectRatio.fromLabel(shape.path("aspectRatio").asText()),
                duration,
                Resolution.fromLabel(shape.path("resolution").asText()),
                shape.path("fps").asInt(),
                1,
                "photoreal");
        List<Double> sourceCuts = new ArrayList<>();
        source.path("cuts").forEach(c -> sourceCuts.add(c.asDouble()));
        List<String> shots = new ArrayList<>();
        source.path("shots").forEach(s -> shots.add(s.asText()));
        List<Double> cuts = new ArrayList<>();
        List<Beat> beats = new ArrayList<>();
        double beatStart = 0;
        int shot = (int) sourceCuts.stream().filter(c -> c <= start).count();
        for (double cut : sourceCuts) {
            double at = cut - start;
            if (at > MIN_BEAT_SECONDS && at < duration - MIN_BEAT_SECONDS) {
                beats.add(new Beat(beatStart, at, shots.get(shot)));
                cuts.add(at);
                beatStart = at;
                shot++;
            }
        }
        if (beats.isEmpty() && source.has("beats")) {
            double middle = Math.round(duration / 2 * 10) / 10.0;
            beats.add(new Beat(0, middle, source.path("beats").get(0).asText()));
            beats.add(new Beat(middle, duration, source.path("beats").get(1).asText()));
        } else {
            beats.add(new Beat(beatStart, duration, shots.get(Math.min(shot, shots.size() - 1))));
        }
        String file = source.path("file").asText();
        String name = String.format(
                Locale.ROOT,
                "%s@%.1f-%s-%s-%d",
                file.replaceAll("\\..*$", ""),
                start,
                settings.aspectRatio().label().replace(':', 'x'),
                settings.resolution().label(),
                settings.fps());
        Storyboard storyboard = new Storyboard(shots.get(0), beats, List.of());
        return new Clip(
                name,
                file,
                source.path("split").asText(),
                source.path("audio").asBoolean(),
                start,
                settings,
                storyboard,
                cuts);
    }

    /** The clean clip, encoded at its request shape (an audio stream always: a silent one where the source has none). */
    Path clean(Clip clip) {
        FrameSize size = clip.settings().frameSize();
        String video = String.format(
                Locale.ROOT,
                "[0:v]fps=%d,scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,"
                        + "setsar=1,format=yuv420p[v]",
                clip.settings().fps(),
                size.width(),
                size.height(),
                size.width(),
                size.height());
        List<String> args = new ArrayList<>(List.of(
                "-v",
                "error",
                "-y",
                "-ss",
                num(clip.start()),
                "-t",
                num(clip.duration()),
                "-i",
                footage.resolve(clip.source()).toString()));
        if (!clip.sourceHasAudio()) {
            args.addAll(List.of("-f", "lavfi", "-t", num(clip.duration()), "-i", "anullsrc=r=48000:cl=stereo"));
        }
        args.addAll(
                List.of("-filter_complex", video, "-map", "[v]", "-map", clip.sourceHasAudio() ? "0:a:0" : "1:a:0"));
        return encode(args, clip.name(), clip);
    }

    /** The clean clip with one defect injected through FFmpeg filters. */
    Path withDefect(Clip clip, NaturalDefect defect, double strength, long seed) {
        List<String> args =
                new ArrayList<>(List.of("-v", "error", "-y", "-i", clean(clip).toString()));
        if (defect.needsOtherClip()) {
            List<Clip> others = clips.stream()
                    .filter(c -> !c.source().equals(clip.source()))
                    .toList();
            args.addAll(List.of(
                    "-i",
                    clean(others.get((int) Math.floorMod(seed * 31, others.size())))
                            .toString()));
        }
        args.addAll(List.of("-filter_complex", defect.filter(clip, strength, seed), "-map", "[v]", "-map", "0:a:0"));
        return encode(
                args, String.format(Locale.ROOT, "%s-%s-%.3f-%d", clip.name(), defect.label(), strength, seed), clip);
    }

    /** Encodes once: the file's name ends in a hash of every argument, inputs included, so it is made anew when they change. */
    private Path encode(List<String> args, String name, Clip clip) {
        long bitrate = (long) clip.settings().frameSize().width()
                * clip.settings().frameSize().height()
                * clip.settings().fps()
                / 6;
        args.addAll(List.of(
                "-c:v",
                "libopenh264",
                "-b:v",
                Long.toString(bitrate),
                "-g",
                Integer.toString(2 * clip.settings().fps()),
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-ar",
                "48000",
                "-ac",
                "2",
                "-t",
                num(clip.duration())));
        Path out = cache.resolve(name + "-"
                + Sha256.hex(String.join("\n", args).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 12) + ".mp4");
        if (Files.isRegularFile(out)) {
            return out;
        }
        Path part = out.resolveSibling(out.getFileName() + ".part.mp4");
        List<String> command = new ArrayList<>(args);
        command.add(part.toString());
        ffmpeg.run("preparing corpus clip " + out.getFileName(), command, Duration.ofMinutes(3));
        try {
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
