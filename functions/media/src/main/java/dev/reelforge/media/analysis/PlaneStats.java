package dev.reelforge.media.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The four signalstats figures the checks read (YAVG, UAVG, VAVG, YDIF), computed in Java from the same 8-bit
 * yuv420p pictures that signalstats read, which the analysis writes out in stacks of {@link AnalysisGraph#THUMBNAIL_TILE}
 * (one column of frames per packet: per stack the Y planes back to back, then the U planes, then the V planes).
 * signalstats also builds hue and saturation pictures (an atan2 per chroma pixel) and some twenty other keys on
 * every frame, which cost about a fifth of the filter graph's thread. Each figure is the same integer sum over the
 * same pixels divided the same way, then rounded as signalstats' {@code %g} rounds it (six significant digits, half
 * to even on the exact binary value), so the series are the ones the log gave, to the bit. YDIF of the first frame is
 * 0: signalstats compares it with itself.
 */
final class PlaneStats {
    private static final MathContext PRINTF_G = new MathContext(6, RoundingMode.HALF_EVEN);

    final double[] luma;
    final double[] motion;
    final double[] u;
    final double[] v;

    private PlaneStats(int frames) {
        luma = new double[frames];
        motion = new double[frames];
        u = new double[frames];
        v = new double[frames];
    }

    /** The figures of the first {@code frames} pictures of {@code width × height} in {@code planes}. */
    static PlaneStats of(byte[] planes, int width, int height, int frames, int tile) {
        int lumaBytes = width * height;
        int chromaBytes = ((width + 1) / 2) * ((height + 1) / 2);
        int stackBytes = tile * (lumaBytes + 2 * chromaBytes);
        int available = planes.length / stackBytes * tile;
        if (available < frames) {
            throw new IllegalStateException(
                    "the analysis wrote " + available + " yuv pictures for " + frames + " logged frames");
        }
        PlaneStats s = new PlaneStats(frames);
        int previous = -1;
        for (int k = 0; k < frames; k++) {
            int stack = k / tile * stackBytes;
            int y = stack + k % tile * lumaBytes;
            int cb = stack + tile * lumaBytes + k % tile * chromaBytes;
            int cr = cb + tile * chromaBytes;
            long sumY = 0;
            long difY = 0;
            int before = previous < 0 ? y : previous;
            for (int p = 0; p < lumaBytes; p++) {
                int level = planes[y + p] & 0xff;
                sumY += level;
                difY += Math.abs(level - (planes[before + p] & 0xff));
            }
            long sumU = 0;
            long sumV = 0;
            for (int p = 0; p < chromaBytes; p++) {
                sumU += planes[cb + p] & 0xff;
                sumV += planes[cr + p] & 0xff;
            }
            s.luma[k] = printed((double) sumY / lumaBytes);
            s.motion[k] = printed((double) difY / lumaBytes);
            s.u[k] = printed((double) sumU / chromaBytes);
            s.v[k] = printed((double) sumV / chromaBytes);
            previous = y;
        }
        return s;
    }

    /** {@code value} as C's {@code printf("%g")} writes it and the log reader parses it back. */
    static double printed(double value) {
        return Double.parseDouble(new BigDecimal(value).round(PRINTF_G).toString());
    }
}
