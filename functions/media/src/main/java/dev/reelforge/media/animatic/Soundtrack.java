package dev.reelforge.media.animatic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The animatic's audio as 48 kHz stereo 16-bit PCM: a quiet seeded room-tone bed (low-passed noise at about
 * −35 dBFS RMS) and, for each cue, a thump that starts on exactly the cue's sample: a cosine at full phase (so the
 * very first samples already rise), a 2 ms linear attack and an exponential decay (−26 dB after 80 ms).
 */
final class Soundtrack {
    static final int SAMPLE_RATE = 48_000;
    static final int CHANNELS = 2;
    private static final double BED_RMS = Math.pow(10, -35 / 20.0);
    private static final double PEAK = 0.7;
    private static final double ATTACK_SECONDS = 0.002;
    private static final double DECAY_SECONDS = 0.08 / 3;
    private static final double LENGTH_SECONDS = 0.3;
    private static final double THUMP_HZ = 95;

    private Soundtrack() {}

    /** Interleaved L/R samples for {@code seconds} of audio with thumps at {@code cueSeconds} (shifted by offset). */
    static short[] render(double seconds, List<Double> cueSeconds, double offsetSeconds, long seed) {
        int frames = (int) Math.round(seconds * SAMPLE_RATE);
        double[] left = new double[frames];
        double[] right = new double[frames];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        bed(left, random);
        bed(right, random);
        for (double cue : cueSeconds) {
            thump(left, right, Math.round((cue + offsetSeconds) * SAMPLE_RATE), random);
        }
        short[] pcm = new short[frames * CHANNELS];
        for (int i = 0; i < frames; i++) {
            pcm[2 * i] = toPcm(left[i]);
            pcm[2 * i + 1] = toPcm(right[i]);
        }
        return pcm;
    }

    private static void bed(double[] channel, SplittableRandom random) {
        double state = 0;
        double energy = 0;
        for (int i = 0; i < channel.length; i++) {
            state += 0.04 * ((random.nextDouble() * 2 - 1) - state);
            channel[i] = state;
            energy += state * state;
        }
        double gain = channel.length == 0 || energy == 0 ? 0 : BED_RMS / Math.sqrt(energy / channel.length);
        for (int i = 0; i < channel.length; i++) {
            channel[i] *= gain;
        }
    }

    private static void thump(double[] left, double[] right, long start, SplittableRandom random) {
        int length = (int) (LENGTH_SECONDS * SAMPLE_RATE);
        double texture = 0;
        for (int n = 0; n < length; n++) {
            long i = start + n;
            texture += 0.3 * ((random.nextDouble() * 2 - 1) - texture);
            if (i < 0 || i >= left.length) {
                continue;
            }
            double t = (double) n / SAMPLE_RATE;
            double envelope = Math.min(1, (n + 1) / (ATTACK_SECONDS * SAMPLE_RATE)) * Math.exp(-t / DECAY_SECONDS);
            double sample = PEAK * envelope * (0.8 * Math.cos(2 * Math.PI * THUMP_HZ * t) + 0.2 * texture);
            left[(int) i] += sample;
            right[(int) i] += sample;
        }
    }

    private static short toPcm(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * 32767)));
    }
}
