package dev.reelforge.media;

import dev.reelforge.media.internal.BundledBinaries;
import dev.reelforge.media.internal.ChildProcess;
import dev.reelforge.media.render.H264Encoder;
import dev.reelforge.media.render.H264EncoderProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The FFmpeg executables bundled in org.bytedeco:ffmpeg, driven as child processes with filter graphs as text.
 * Child processes keep native crashes out of the JVM and make every step reproducible from a command line.
 * Locating the binaries unpacks native libraries, so do it once with {@link #bundled()}. Thread-safe.
 *
 * <pre>{@code
 * Ffmpeg ffmpeg = Ffmpeg.bundled();
 * ffmpeg.run("making a test clip", List.of("-f", "lavfi", "-i", "testsrc2=d=1", "out.mp4"), Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Every failure is a {@link dev.reelforge.core.error.MediaProcessingException} whose message names the step and
 * quotes the end of FFmpeg's log (URLs cut to their host).
 */
public final class Ffmpeg {
    private static volatile Ffmpeg bundled;

    private final BundledBinaries binaries;
    private volatile H264Encoder h264Encoder;

    private Ffmpeg(BundledBinaries binaries) {
        this.binaries = binaries;
    }

    /** The shared instance over the bundled executables, located on first use. */
    public static Ffmpeg bundled() {
        Ffmpeg instance = bundled;
        if (instance == null) {
            synchronized (Ffmpeg.class) {
                instance = bundled;
                if (instance == null) {
                    instance = new Ffmpeg(BundledBinaries.locate());
                    bundled = instance;
                }
            }
        }
        return instance;
    }

    public Path ffmpegPath() {
        return binaries.ffmpeg();
    }

    public Path ffprobePath() {
        return binaries.ffprobe();
    }

    /** Runs {@code ffmpeg -hide_banner -nostdin ARGS}; {@code purpose} completes "ffmpeg failed while …". */
    public ProcessOutput run(String purpose, List<String> args, Duration timeout) {
        return ChildProcess.start(
                        "ffmpeg", purpose, command(binaries.ffmpeg(), "-nostdin", args), binaries.environment())
                .finish(timeout);
    }

    /** Runs {@code ffprobe -hide_banner ARGS}. */
    public ProcessOutput probe(String purpose, List<String> args, Duration timeout) {
        return ChildProcess.start("ffprobe", purpose, command(binaries.ffprobe(), null, args), binaries.environment())
                .finish(timeout);
    }

    /** Starts {@code ffmpeg -hide_banner ARGS} with stdin open for piped input (e.g. {@code -f rawvideo -i pipe:0}). */
    public ChildProcess start(String purpose, List<String> args) {
        return ChildProcess.start("ffmpeg", purpose, command(binaries.ffmpeg(), null, args), binaries.environment());
    }

    /** The H.264 encoder to use on this machine, probed once: NVENC when a GPU takes a test frame, else the CPU one. */
    public H264Encoder h264Encoder() {
        H264Encoder encoder = h264Encoder;
        if (encoder == null) {
            synchronized (this) {
                encoder = h264Encoder;
                if (encoder == null) {
                    encoder = new H264EncoderProbe(this).select();
                    h264Encoder = encoder;
                }
            }
        }
        return encoder;
    }

    private static List<String> command(Path binary, String extraFlag, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("-hide_banner");
        if (extraFlag != null) {
            command.add(extraFlag);
        }
        command.addAll(args);
        return command;
    }
}
