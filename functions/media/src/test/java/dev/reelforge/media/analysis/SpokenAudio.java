package dev.reelforge.media.analysis;

import dev.reelforge.media.Ffmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test soundtracks with real synthetic speech: Debian's espeak-ng (installed by infrastructure/local/native-deps.sh)
 * speaks a phrase to a WAV file, and the bundled FFmpeg places it at a known time over a background (silence, seeded
 * pink noise, a tone melody) and hands back what the analysis graph hands the detectors: 16 kHz mono s16 PCM. The
 * true onset is the placement plus where the WAV's first sound rises above −40 dBFS. Deterministic: espeak-ng and
 * FFmpeg's seeded sources give the same samples every run. Without espeak-ng the tests skip, except under CI.
 */
final class SpokenAudio {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final double FIRST_SOUND_DBFS = -40;

    private SpokenAudio() {}

    /** A phrase placed at a time: the speech, from its WAV, whose first sound lands at {@code atSeconds}. */
    record Line(Path wav, double leadSeconds, double atSeconds) {}

    /** Speaks {@code text} with espeak-ng's {@code voice} into {@code dir}; skips (or fails under CI) without espeak-ng. */
    static Path speak(Path dir, String name, String voice, String text) throws IOException, InterruptedException {
        Path espeak = findEspeak();
        Path wav = dir.resolve(name + ".wav");
        Process process = new ProcessBuilder(espeak.toString(), "-v", voice, "-w", wav.toString(), text)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("espeak-ng failed to speak '" + text + "' with voice " + voice);
        }
        return wav;
    }

    /** The phrase in {@code wav} placed so that its first sound starts at {@code atSeconds}. */
    static Line at(Path wav, double atSeconds) throws IOException {
        return new Line(wav, firstSoundSeconds(wav), atSeconds);
    }

    /**
     * The lines mixed over {@code background} (an FFmpeg lavfi audio source such as {@code anullsrc} or
     * {@code anoisesrc=color=pink:seed=7:amplitude=0.1}) for {@code seconds}, as 16 kHz mono s16 PCM.
     */
    static short[] pcm(String background, double seconds, List<Line> lines) {
        return samples(Ffmpeg.bundled()
                .run("mixing test dialogue", pcmCommand(background, seconds, lines), TIMEOUT)
                .stdout());
    }

    /** The same mix muxed as AAC under a 24 fps test picture: a clip as the review decodes it. */
    static Path clip(Path out, String background, double seconds, List<Line> lines) {
        List<String> args = inputs(background, seconds, lines);
        args.addAll(List.of("-f", "lavfi", "-t", fmt(seconds), "-i", "testsrc2=s=320x180:r=24"));
        args.addAll(List.of(
                "-filter_complex",
                mix(lines) + "[mix]",
                "-map",
                (lines.size() + 1) + ":v",
                "-map",
                "[mix]",
                "-c:v",
                "libopenh264",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                out.toString()));
        Ffmpeg.bundled().run("making a test clip with dialogue", args, TIMEOUT);
        return out;
    }

    /** A clip's first audio stream as the analysis graph hands it to the detectors: 16 kHz mono s16. */
    static short[] reviewPcm(Path clip) {
        byte[] raw = Ffmpeg.bundled()
                .run(
                        "decoding test dialogue",
                        List.of(
                                "-v",
                                "error",
                                "-i",
                                clip.toString(),
                                "-map",
                                "0:a:0",
                                "-af",
                                "aresample=" + AnalysisGraph.PCM_RATE + ",aformat=sample_fmts=s16:channel_layouts=mono",
                                "-f",
                                "s16le",
                                "-c:a",
                                "pcm_s16le",
                                "-"),
                        TIMEOUT)
                .stdout();
        return samples(raw);
    }

    private static short[] samples(byte[] raw) {
        short[] samples = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    private static List<String> pcmCommand(String background, double seconds, List<Line> lines) {
        List<String> args = inputs(background, seconds, lines);
        args.addAll(List.of(
                "-filter_complex",
                mix(lines) + ",aresample=" + AnalysisGraph.PCM_RATE + ",aformat=sample_fmts=s16:channel_layouts=mono",
                "-f",
                "s16le",
                "-c:a",
                "pcm_s16le",
                "-"));
        return args;
    }

    /** Input 0 is the background, inputs 1… the lines. */
    private static List<String> inputs(String background, double seconds, List<Line> lines) {
        List<String> args =
                new ArrayList<>(List.of("-v", "error", "-y", "-f", "lavfi", "-t", fmt(seconds), "-i", background));
        for (Line line : lines) {
            args.addAll(List.of("-i", line.wav().toString()));
        }
        return args;
    }

    private static String mix(List<Line> lines) {
        StringBuilder graph = new StringBuilder("[0:a]aresample=48000,aformat=channel_layouts=mono[bg];");
        StringBuilder mix = new StringBuilder("[bg]");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long delaySamples = Math.round((line.atSeconds() - line.leadSeconds()) * 48_000);
            graph.append(String.format(
                    Locale.ROOT,
                    "[%d:a]aresample=48000,aformat=channel_layouts=mono,adelay=%dS[s%d];",
                    i + 1,
                    delaySamples,
                    i));
            mix.append("[s").append(i).append(']');
        }
        return graph.append(mix)
                .append("amix=inputs=")
                .append(lines.size() + 1)
                .append(":normalize=0:duration=first")
                .toString();
    }

    /** Where the WAV's first 5 ms window rises above {@value #FIRST_SOUND_DBFS} dBFS. */
    private static double firstSoundSeconds(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int rate = b.getInt(24);
        int data = 12;
        while (!new String(bytes, data, 4, StandardCharsets.US_ASCII).equals("data")) {
            data += 8 + b.getInt(data + 4);
        }
        int first = data + 8;
        int count = (bytes.length - first) / 2;
        int window = rate / 200;
        for (int start = 0; start + window <= count; start += window) {
            double sum = 0;
            for (int i = start; i < start + window; i++) {
                double v = b.getShort(first + 2 * i) / 32768.0;
                sum += v * v;
            }
            if (10 * Math.log10(sum / window + 1e-12) > FIRST_SOUND_DBFS) {
                return (double) start / rate;
            }
        }
        throw new IllegalStateException(wav + " has no sound above " + FIRST_SOUND_DBFS + " dBFS");
    }

    private static Path findEspeak() {
        for (String name : List.of("/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        String reason =
                "espeak-ng is not installed (infrastructure/local/native-deps.sh installs it as root with apt-get)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the dialogue tests, but " + reason);
        }
        Assumptions.abort("dialogue tests skipped: " + reason);
        return null;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
