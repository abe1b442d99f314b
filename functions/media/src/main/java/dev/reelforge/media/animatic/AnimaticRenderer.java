package dev.reelforge.media.animatic;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.internal.ChildProcess;
import dev.reelforge.media.render.H264Encoder;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * The offline "provider": renders a storyboard as a deterministic animatic MP4 (H.264 yuv420p + AAC 48 kHz
 * stereo, faststart) with physically timed motion, captions and sample-accurate sound cues, optionally with
 * injected defects. It lets the whole workflow, and every review check, run without a paid video model.
 * Frames are drawn in Java and piped to FFmpeg as raw rgb24. Thread-safe; each call is independent.
 *
 * <pre>{@code
 * new AnimaticRenderer(Ffmpeg.bundled()).render(spec, Path.of("clip.mp4"), percent -> {});
 * }</pre>
 */
public final class AnimaticRenderer {
    private final Ffmpeg ffmpeg;
    private final H264Encoder encoder;

    public AnimaticRenderer(Ffmpeg ffmpeg) {
        this(ffmpeg, ffmpeg.h264Encoder());
    }

    public AnimaticRenderer(Ffmpeg ffmpeg, H264Encoder encoder) {
        this.ffmpeg = ffmpeg;
        this.encoder = encoder;
    }

    /**
     * Writes the clip to {@code output}, reporting 0–100 % to {@code progress} as frames are encoded.
     *
     * @throws IllegalArgumentException for an unknown or malformed defect, naming it
     * @throws MediaProcessingException when FFmpeg fails
     */
    public void render(GenerationSpec spec, Path output, IntConsumer progress) {
        RenderSettings settings = spec.settings();
        DefectSet defects = DefectSet.forSpec(spec);
        FrameSize size = settings.frameSize();
        int fps = settings.fps();
        int frames = settings.frameCount();
        if (fps <= 0 || frames <= 0) {
            throw new IllegalArgumentException("an animatic needs a positive fps and duration, got " + fps + " fps for "
                    + settings.durationSeconds() + " s");
        }
        ScenePlan plan = ScenePlan.of(spec.storyboard());
        ReferenceOpening opening = spec.referenceImage().isEmpty()
                ? null
                : ReferenceOpening.load(ffmpeg, Path.of(spec.referenceImage()), size);
        if (opening != null) {
            opening.calibrate(() -> landing(drawing(spec, plan, size, fps, opening)));
        }
        Drawing drawing = drawing(spec, plan, size, fps, opening);
        List<BeatScene> scenes = drawing.scenes();
        Stage stage = drawing.stage();
        DefectSchedule schedule = new DefectSchedule(defects, scenes, frames, fps, spec.seed());
        Path audio = writeAudio(spec, settings.durationSeconds(), defects);
        try {
            ChildProcess encoding = ffmpeg.start("encoding the animatic", command(size, fps, frames, audio, output));
            streamFrames(encoding, drawing.painter(), schedule, stage, frames, progress, opening);
            encoding.finish(Duration.ofSeconds(60 + 10L * Math.round(settings.durationSeconds())));
            progress.accept(100);
        } finally {
            deleteQuietly(audio);
        }
    }

    /**
     * A deterministic still for an image prompt, the offline text-to-image: the animatic's first frame for a
     * storyboard that is the prompt, at {@code size}, as PNG. Drawn in Java alone (no FFmpeg).
     */
    public static byte[] still(String prompt, FrameSize size, long seed) {
        Storyboard board = new Storyboard(prompt, List.of(new Beat(0, 5, prompt)), List.of());
        RenderSettings settings = new RenderSettings(
                size.height() > size.width() ? AspectRatio.PORTRAIT_9_16 : AspectRatio.LANDSCAPE_16_9,
                5,
                Resolution.R720P,
                24,
                1,
                "animatic");
        GenerationSpec spec = new GenerationSpec(prompt, board, settings, "animatic-still", seed, List.of(), "", "");
        Drawing drawing = drawing(spec, ScenePlan.of(board), size, 24, null);
        Canvas canvas = new Canvas(size.width(), size.height());
        drawing.painter().paint(canvas, drawing.painter().sceneAt(0), 0);
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0, i = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++, i += 3) {
                image.setRGB(
                        x, y, Canvas.rgb(canvas.rgb[i] & 0xff, canvas.rgb[i + 1] & 0xff, canvas.rgb[i + 2] & 0xff));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a still in memory failed", e);
        }
        return png.toByteArray();
    }

    /** The world as drawn for one spec: its beats' scenes, the stage and the painter of its frames. */
    private record Drawing(List<BeatScene> scenes, Stage stage, FramePainter painter) {}

    private static Drawing drawing(
            GenerationSpec spec, ScenePlan plan, FrameSize size, int fps, ReferenceOpening opening) {
        List<BeatScene> scenes = ScenePlanner.plan(
                spec.storyboard(),
                plan,
                spec.settings().durationSeconds(),
                spec.seed(),
                opening == null ? UnaryOperator.identity() : opening::recolour);
        Cast cast = Cast.of(plan, scenes.get(0).shape(), spec.seed());
        double metres = Math.max(
                Stage.shortSideMetres(spec.storyboard().description()),
                Stage.metresForFall(size.width(), size.height(), ScenePlanner.longestCuedFall(scenes)));
        Stage stage = Stage.of(size.width(), size.height(), fps, metres);
        return new Drawing(scenes, stage, new FramePainter(stage, scenes, cast, Filming.of(plan, spec.seed())));
    }

    /** The first frame after the reference image's dissolve, drawn without defects. */
    private static byte[] landing(Drawing drawing) {
        Canvas canvas = new Canvas(drawing.stage().width(), drawing.stage().height());
        double t = ReferenceOpening.DISSOLVE_END_SECONDS;
        drawing.painter().paint(canvas, drawing.painter().sceneAt(t), t);
        return canvas.rgb;
    }

    private void streamFrames(
            ChildProcess encoding,
            FramePainter painter,
            DefectSchedule schedule,
            Stage stage,
            int frames,
            IntConsumer progress,
            ReferenceOpening opening) {
        Canvas canvas = new Canvas(stage.width(), stage.height());
        int reported = -1;
        try (OutputStream pipe = new BufferedOutputStream(encoding.stdin(), 1 << 20)) {
            for (int i = 0; i < frames; i++) {
                double t = schedule.pictureTime(i);
                BeatScene scene = painter.sceneAt(t);
                painter.paint(canvas, schedule.isCutaway(t) ? ScenePlanner.cutaway(scene) : scene, t);
                if (opening != null) {
                    opening.cover(canvas, t);
                }
                schedule.damage(canvas, i, stage.shortSide());
                pipe.write(canvas.rgb);
                int percent = (int) ((long) (i + 1) * 99 / frames);
                if (percent != reported) {
                    reported = percent;
                    progress.accept(percent);
                }
            }
        } catch (IOException e) {
            throw encoding.failedWrite(e, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            encoding.kill();
            throw e;
        }
    }

    private List<String> command(FrameSize size, int fps, int frames, Path audio, Path output) {
        List<String> args = new ArrayList<>(List.of(
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-video_size",
                size.toString(),
                "-framerate",
                Integer.toString(fps),
                "-i",
                "pipe:0",
                "-i",
                audio.toString(),
                "-map",
                "0:v:0",
                "-map",
                "1:a:0"));
        args.addAll(encoder.outputArgs(size.width(), size.height(), fps));
        args.addAll(List.of(
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-ar",
                "48000",
                "-ac",
                "2",
                "-frames:v",
                Integer.toString(frames),
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                output.toString()));
        return args;
    }

    private static Path writeAudio(GenerationSpec spec, double seconds, DefectSet defects) {
        List<Double> cues =
                spec.storyboard().audioCues().stream().map(AudioCue::atSeconds).toList();
        short[] pcm = Soundtrack.render(seconds, cues, defects.audioOffsetSeconds(), spec.seed());
        try {
            Path wav = Files.createTempFile("reelforge-animatic-", ".wav");
            WavFile.write(wav, pcm, Soundtrack.SAMPLE_RATE, Soundtrack.CHANNELS);
            return wav;
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not write the animatic's audio to a temporary file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the render's outcome matters
        }
    }
}
