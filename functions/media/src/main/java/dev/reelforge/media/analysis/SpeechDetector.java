package dev.reelforge.media.analysis;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.reelforge.core.error.MediaProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds speech in 16 kHz mono PCM with Silero VAD (silero_vad.onnx from the silero-vad 6.2.3 wheel, packaged in
 * this jar by infrastructure/local/silero-vad-model.sh; MIT) on ONNX Runtime: one speech probability per
 * {@value #WINDOW}-sample (32 ms) window, each window fed with the {@value #CONTEXT} samples before it and the
 * recurrent state the previous one left, as silero-vad's own {@code OnnxWrapper} does. {@link SpeechSegments}
 * turns the probabilities into segments and places each onset on the sound. The session is created on first use
 * and shared; it runs on the calling thread (one intra-op thread, as silero-vad sets it), each call keeps its own
 * state and {@link OrtSession#run} may be called concurrently, so this is thread-safe. About 45 ms of CPU per 10 s
 * of audio, plus about 0.5 s once for the load (see {@link #warmUp}).
 *
 * <pre>{@code
 * List<Double> onsets = SpeechDetector.detect(pcm, AnalysisGraph.PCM_RATE).onsets();
 * }</pre>
 */
final class SpeechDetector {
    static final int SAMPLE_RATE = 16_000;
    static final int WINDOW = 512;
    static final int CONTEXT = 64;
    private static final String MODEL = "silero_vad.onnx";
    private static final long[] INPUT_SHAPE = {1, CONTEXT + WINDOW};
    private static final long[] STATE_SHAPE = {2, 1, 128};
    private static volatile OrtSession session;

    private SpeechDetector() {}

    /** The speech segments and the per-window probabilities they were read from. */
    record Result(List<SpeechSegments.Segment> segments, float[] probabilities, double windowSeconds) {
        /** When each segment starts, in seconds: the times a spoken cue is matched against. */
        List<Double> onsets() {
            return segments.stream().map(SpeechSegments.Segment::startSeconds).toList();
        }
    }

    /** The speech in {@code pcm} (mono s16 at {@value #SAMPLE_RATE} Hz, as {@link AnalysisGraph} pipes it out). */
    static Result detect(short[] pcm, int sampleRate) {
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("Silero VAD reads 16 kHz PCM, not " + sampleRate + " Hz");
        }
        float[] probabilities = probabilities(pcm);
        double windowSeconds = (double) WINDOW / SAMPLE_RATE;
        List<SpeechSegments.Segment> segments = new ArrayList<>();
        double previousEnd = 0;
        for (SpeechSegments.Segment s :
                SpeechSegments.of(probabilities, windowSeconds, pcm.length / (double) SAMPLE_RATE)) {
            double start = SpeechSegments.refinedStart(pcm, SAMPLE_RATE, s.startSeconds(), previousEnd, windowSeconds);
            segments.add(new SpeechSegments.Segment(Math.min(start, s.endSeconds()), s.endSeconds()));
            previousEnd = s.endSeconds();
        }
        return new Result(List.copyOf(segments), probabilities, windowSeconds);
    }

    /**
     * One speech probability per window; the last window is zero-padded. The input and state tensors wrap direct
     * buffers that are refilled for each window, so a window costs one {@code run} and no tensor allocation.
     */
    static float[] probabilities(short[] pcm) {
        OrtSession model = session();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int windows = (pcm.length + WINDOW - 1) / WINDOW;
        float[] out = new float[windows];
        float[] samples = new float[CONTEXT + WINDOW];
        FloatBuffer input = direct(CONTEXT + WINDOW);
        FloatBuffer state = direct(2 * 128);
        try (OnnxTensor rate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE);
                OnnxTensor x = OnnxTensor.createTensor(env, input, INPUT_SHAPE);
                OnnxTensor h = OnnxTensor.createTensor(env, state, STATE_SHAPE)) {
            Map<String, OnnxTensor> inputs = Map.of("input", x, "state", h, "sr", rate);
            for (int w = 0; w < windows; w++) {
                System.arraycopy(samples, WINDOW, samples, 0, CONTEXT);
                for (int i = 0; i < WINDOW; i++) {
                    int n = w * WINDOW + i;
                    samples[CONTEXT + i] = n < pcm.length ? pcm[n] / 32768f : 0f;
                }
                input.clear();
                input.put(samples);
                try (OrtSession.Result result = model.run(inputs)) {
                    out[w] = ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
                    state.clear();
                    state.put(((OnnxTensor) result.get(1)).getFloatBuffer());
                }
            }
        } catch (OrtException e) {
            throw new MediaProcessingException("Silero VAD failed on the clip's audio: " + e.getMessage(), e);
        }
        return out;
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /**
     * Loads ONNX Runtime and the model now, if not yet done: the one-time cost (the native library unpacked, the
     * session built) that the first {@link #detect} would otherwise pay. Call it on another thread while FFmpeg
     * decodes to keep it off the analysis's critical path. Idempotent and thread-safe.
     */
    static void warmUp() {
        session();
    }

    private static OrtSession session() {
        OrtSession instance = session;
        if (instance == null) {
            synchronized (SpeechDetector.class) {
                instance = session;
                if (instance == null) {
                    instance = load();
                    session = instance;
                }
            }
        }
        return instance;
    }

    private static OrtSession load() {
        try (InputStream in = SpeechDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new MediaProcessingException(
                        "reelforge-media was built without " + MODEL
                                + "; rebuild it with Maven, whose generate-resources step runs infrastructure/local/silero-vad-model.sh");
            }
            byte[] bytes = in.readAllBytes();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return OrtEnvironment.getEnvironment().createSession(bytes, options);
            }
        } catch (IOException | OrtException | LinkageError e) {
            throw new MediaProcessingException("could not load Silero VAD on ONNX Runtime: " + e.getMessage(), e);
        }
    }
}
