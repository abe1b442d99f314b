package dev.reelforge.media.analysis;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ClipMetrics.Interval;
import dev.reelforge.core.media.FrameThumbnails;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.port.ClipAnalyzer;
import dev.reelforge.core.port.ClipProbe;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.media.internal.ScratchDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * {@link ClipAnalyzer} over the bundled FFmpeg: one probe, then one decode through {@link AnalysisGraph}, whose
 * per-frame metadata logs, thumbnails, PCM (sound onsets and speech onsets) and contact sheet become a
 * {@link ClipMetrics}. Speech detection, the largest share of the Java side, runs on a thread of its own while the
 * logs are read. Thread-safe; each call works in its own temporary directory.
 *
 * <pre>{@code
 * ClipMetrics metrics = new FfmpegClipAnalyzer(Ffmpeg.bundled()).analyze(Path.of("clip.mp4"));
 * }</pre>
 */
public final class FfmpegClipAnalyzer implements ClipAnalyzer {
    /** Whether the speech model's one-time load (about half a second) has been started beside a decode. */
    private static final AtomicBoolean SPEECH_MODEL_LOADING = new AtomicBoolean();

    private final Ffmpeg ffmpeg;
    private final ClipProbe probe;

    public FfmpegClipAnalyzer(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.probe = new FfprobeClipProbe(ffmpeg);
    }

    @Override
    public ClipMetrics analyze(Path clip) {
        ProbeResult facts = probe.probe(clip);
        if (facts.fps() <= 0 || facts.width() <= 0) {
            throw new MediaProcessingException(
                    "cannot analyse " + clip.getFileName() + ": no video stream with a frame rate");
        }
        try (ScratchDirectory dir = ScratchDirectory.create("reelforge-analysis-")) {
            int expectedFrames = (int) Math.round(facts.durationSeconds() * facts.fps());
            AnalysisGraph graph = new AnalysisGraph(
                    facts,
                    expectedFrames,
                    dir.resolve("video.txt"),
                    dir.resolve("blur.txt"),
                    dir.resolve("block-columns.txt"),
                    dir.resolve("block-rows.txt"),
                    dir.resolve("audio.txt"),
                    dir.resolve("sheet.jpg"),
                    dir.resolve("thumbnails.rgb"),
                    dir.resolve("planes.yuv"),
                    dir.resolve("blur-frames.gray"));
            if (facts.hasAudio() && SPEECH_MODEL_LOADING.compareAndSet(false, true)) {
                Thread loader = new Thread(SpeechDetector::warmUp, "speech-model-load");
                loader.setDaemon(true);
                loader.start();
            }
            byte[] pcm = ffmpeg.run(
                            "analysing " + clip.getFileName() + " for review",
                            graph.arguments(clip),
                            Duration.ofSeconds(120 + 20L * Math.round(facts.durationSeconds())))
                    .stdout();
            return metrics(facts, graph, pcm);
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not prepare the analysis of " + clip.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static ClipMetrics metrics(ProbeResult facts, AnalysisGraph graph, byte[] pcmBytes) throws IOException {
        short[] pcm = pcm(pcmBytes);
        CompletableFuture<List<Double>> speech = facts.hasAudio()
                ? CompletableFuture.supplyAsync(
                        () -> SpeechDetector.detect(pcm, AnalysisGraph.PCM_RATE).onsets(), FfmpegClipAnalyzer::beside)
                : CompletableFuture.completedFuture(List.of());
        MetadataLog video = MetadataLog.read(graph.videoLog());
        int n = video.entries().size();
        double origin = n == 0 ? 0 : video.entries().get(0).ptsTime();
        int[] size = graph.thumbnailSize();
        PlaneStats planes =
                PlaneStats.of(Files.readAllBytes(graph.planes()), size[0], size[1], n, AnalysisGraph.THUMBNAIL_TILE);
        double[] cut = new double[n];
        IntervalCollector frozen =
                new IntervalCollector("lavfi.freezedetect.freeze_start", "lavfi.freezedetect.freeze_end");
        IntervalCollector black = new IntervalCollector("lavfi.black_start", "lavfi.black_end");
        for (int i = 0; i < n; i++) {
            MetadataLog.Entry e = video.entries().get(i);
            cut[i] = i == 0 ? 0 : orZero(e.get("lavfi.scd.score"));
            frozen.accept(e, origin);
            black.accept(e, origin);
        }
        double duration = n / facts.fps();
        MetadataLog blurLog = MetadataLog.read(graph.blurLog());
        double[] blur = sampled(blurLog, "lavfi.blur", n, origin, facts.fps());
        double[] softness =
                softness(blurLog, Files.readAllBytes(graph.blurFrames()), graph.blurSize(), n, origin, facts.fps());
        double[] block = weakerAxis(
                sampled(MetadataLog.read(graph.blockColumnsLog()), "lavfi.block", n, origin, facts.fps()),
                sampled(MetadataLog.read(graph.blockRowsLog()), "lavfi.block", n, origin, facts.fps()));
        OnsetDetector.Result onsets = OnsetDetector.detect(pcm, AnalysisGraph.PCM_RATE);
        byte[] sheet = Files.exists(graph.contactSheet()) ? Files.readAllBytes(graph.contactSheet()) : new byte[0];
        byte[] thumbs = Files.readAllBytes(graph.thumbnails());
        int frameBytes = size[0] * size[1] * 3;
        FrameThumbnails thumbnails = new FrameThumbnails(
                size[0],
                size[1],
                Arrays.copyOf(thumbs, Math.min(thumbs.length, n * frameBytes) / frameBytes * frameBytes));
        return new ClipMetrics(
                facts,
                duration,
                planes.luma,
                planes.motion,
                planes.u,
                planes.v,
                cut,
                blur,
                softness,
                block,
                frozen.finish(duration),
                black.finish(duration),
                onsets.onsets(),
                onsets.strength(),
                onsets.hopSeconds(),
                loudness(MetadataLog.read(graph.audioLog())),
                sheet,
                thumbnails,
                speechOnsets(speech));
    }

    /** Runs {@code task} on a daemon thread of its own: speech detection, beside the rest of the log reading. */
    private static void beside(Runnable task) {
        Thread thread = new Thread(task, "speech-detection");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Double> speechOnsets(CompletableFuture<List<Double>> speech) {
        try {
            return speech.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A per-frame series from a sampled branch: values land on their frame index (from pts), NaN elsewhere. */
    private static double[] sampled(MetadataLog log, String key, int frames, double origin, double fps) {
        double[] out = new double[frames];
        Arrays.fill(out, Double.NaN);
        for (MetadataLog.Entry e : log.entries()) {
            int index = (int) Math.round((e.ptsTime() - origin) * fps);
            if (index >= 0 && index < frames && index > 0) {
                out[index] = e.get(key);
            }
        }
        return out;
    }

    /**
     * {@link ReblurSoftness} of each blur sample, on the frame its blurdetect entry names (the grey frames come out of
     * the same branch, in the same order), NaN elsewhere. The samples are independent, so they are measured in
     * parallel (about 1 ms of CPU each at 480×270), then placed in their order.
     */
    private static double[] softness(MetadataLog log, byte[] frames, int[] size, int n, double origin, double fps) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int frameBytes = size[0] * size[1];
        int samples = Math.min(log.entries().size(), frames.length / frameBytes);
        double[] measured = IntStream.range(0, samples)
                .parallel()
                .mapToDouble(k -> ReblurSoftness.of(frames, k * frameBytes, size[0], size[1]))
                .toArray();
        for (int k = 0; k < samples; k++) {
            int index = (int) Math.round((log.entries().get(k).ptsTime() - origin) * fps);
            if (index > 0 && index < n) {
                out[index] = measured[k];
            }
        }
        return out;
    }

    /**
     * Per frame, the smaller of the block-edge strengths at the 8-px columns and at the 8-px rows: coding blocks
     * break the picture along both, a striped wall or a banded gradient along one only. NaN where either is missing.
     */
    private static double[] weakerAxis(double[] columns, double[] rows) {
        double[] out = new double[columns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(columns[i]) || Double.isNaN(rows[i]) ? Double.NaN : Math.min(columns[i], rows[i]);
        }
        return out;
    }

    /** Integrated-style loudness: the energy mean of the momentary (400 ms) values above −70 LUFS, or −70. */
    private static double loudness(MetadataLog log) {
        double energy = 0;
        int count = 0;
        for (MetadataLog.Entry e : log.entries()) {
            double m = e.get("lavfi.r128.M");
            if (!Double.isNaN(m) && m > -70) {
                energy += Math.pow(10, m / 10);
                count++;
            }
        }
        return count == 0 ? -70 : 10 * Math.log10(energy / count);
    }

    private static short[] pcm(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.length / 2];
        buffer.asShortBuffer().get(samples);
        return samples;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Turns start/end metadata keys into intervals; one still open at the end closes with the clip. */
    private static final class IntervalCollector {
        private final String startKey;
        private final String endKey;
        private final List<Interval> intervals = new ArrayList<>();
        private double open = Double.NaN;

        IntervalCollector(String startKey, String endKey) {
            this.startKey = startKey;
            this.endKey = endKey;
        }

        void accept(MetadataLog.Entry e, double origin) {
            if (e.has(startKey) && Double.isNaN(open)) {
                open = e.get(startKey) - origin;
            }
            if (e.has(endKey) && !Double.isNaN(open)) {
                intervals.add(new Interval(Math.max(0, open), e.get(endKey) - origin));
                open = Double.NaN;
            }
        }

        List<Interval> finish(double duration) {
            if (!Double.isNaN(open)) {
                intervals.add(new Interval(Math.max(0, open), duration));
            }
            return intervals;
        }
    }
}
