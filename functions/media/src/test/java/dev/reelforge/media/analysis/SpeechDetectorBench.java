package dev.reelforge.media.analysis;

import dev.reelforge.media.Ffmpeg;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * bench/speech/run.sh's main: the speech detector's cost on a 10 s clip against the decode floor. Makes the same
 * 10 s 1080p30 H.264 + AAC clip shape as {@link AnalysisBench}, with espeak-ng lines over pink noise as its sound,
 * then alternates a plain decode ({@code ffmpeg -i clip -f null -}) with {@link SpeechDetector#detect} on the clip's
 * 16 kHz PCM, and prints the one-time load, each round (the detector's wall and CPU time: it runs on the calling
 * thread, so its CPU time holds on a busy machine), the medians and the detector's share of the decode.
 */
public final class SpeechDetectorBench {
    private SpeechDetectorBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path dir = Files.createTempDirectory("reelforge-speech-bench-");
        Path wav = SpokenAudio.speak(dir, "line", "en-us", "over here, over here");
        Path sound = dir.resolve("sound.wav");
        ffmpeg.run(
                "making the bench soundtrack",
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-t",
                        "10",
                        "-i",
                        "anoisesrc=color=pink:seed=7:amplitude=0.08:r=48000",
                        "-i",
                        wav.toString(),
                        "-i",
                        wav.toString(),
                        "-filter_complex",
                        "[1:a]aresample=48000,adelay=2000[a];[2:a]aresample=48000,adelay=6000[b];[0:a][a][b]amix=inputs=3:normalize=0:duration=first",
                        sound.toString()),
                Duration.ofMinutes(1));
        Path clip = dir.resolve("clip-1080p.mp4");
        ffmpeg.run(
                "making the bench clip",
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=1920x1080:r=30:d=10",
                        "-i",
                        sound.toString(),
                        "-c:v",
                        ffmpeg.h264Encoder().name().equals("h264_nvenc") ? "h264_nvenc" : "libopenh264",
                        "-b:v",
                        "8M",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        clip.toString()),
                Duration.ofMinutes(5));
        short[] pcm = SpokenAudio.reviewPcm(clip);
        long l0 = System.nanoTime();
        SpeechDetector.warmUp();
        double load = (System.nanoTime() - l0) / 1e6;
        SpeechDetector.Result last = SpeechDetector.detect(pcm, AnalysisGraph.PCM_RATE);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> plain = new ArrayList<>();
        List<Double> vad = new ArrayList<>();
        List<Double> vadCpu = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            ffmpeg.run(
                    "decoding (baseline)",
                    List.of("-v", "error", "-i", clip.toString(), "-f", "null", "-"),
                    Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            last = SpeechDetector.detect(pcm, AnalysisGraph.PCM_RATE);
            vadCpu.add((threads.getCurrentThreadCpuTime() - c1) / 1e6);
            long t2 = System.nanoTime();
            plain.add((t1 - t0) / 1e6);
            vad.add((t2 - t1) / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: plain decode %.0f ms, speech detection %.1f ms (%.1f ms CPU)%n",
                    i + 1,
                    plain.get(i),
                    vad.get(i),
                    vadCpu.get(i));
        }
        double p = median(plain);
        double v = median(vad);
        System.out.printf(
                Locale.ROOT,
                "clip: 10 s 1920x1080 30 fps; %d speech segment(s) at %s%n",
                last.segments().size(),
                last.onsets());
        System.out.printf(
                Locale.ROOT,
                "one-time load (ONNX Runtime + model) %.0f ms; median plain decode %.0f ms, median speech"
                        + " detection %.1f ms per 10 s, %.1f ms CPU (%.1f %% of the decode)%n",
                load,
                p,
                v,
                median(vadCpu),
                100 * v / p);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
