package dev.reelforge.media.animatic;

import java.util.Arrays;

/** Whole-frame damage for the picture defects: brightness jumps, box blur, 8×8 pixelation, black. */
final class FrameEffects {
    static final int BLOCK = 8;

    private FrameEffects() {}

    static void scaleBrightness(Canvas canvas, double gain) {
        int g = (int) Math.round(gain * 256);
        byte[] rgb = canvas.rgb;
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.min(255, ((rgb[i] & 0xff) * g) >> 8);
        }
    }

    static void black(Canvas canvas) {
        Arrays.fill(canvas.rgb, (byte) 0);
    }

    /** Separable box blur of the given radius, done as running sums (cost independent of the radius). */
    static void boxBlur(Canvas canvas, int radius) {
        if (radius < 1) {
            return;
        }
        byte[] scratch = new byte[canvas.rgb.length];
        int rowBytes = canvas.width * 3;
        pass(canvas.rgb, scratch, canvas.width, canvas.height, 3, rowBytes, radius);
        pass(scratch, canvas.rgb, canvas.height, canvas.width, rowBytes, 3, radius);
    }

    /** Replaces each 8×8 block (aligned to the codec's grid) by its mean, mixed in with {@code amount} (0–1). */
    static void pixelate(Canvas canvas, double amount) {
        int mix = (int) Math.round(Math.min(1, amount) * 256);
        byte[] rgb = canvas.rgb;
        int w = canvas.width;
        for (int by = 0; by < canvas.height; by += BLOCK) {
            for (int bx = 0; bx < w; bx += BLOCK) {
                int y1 = Math.min(canvas.height, by + BLOCK);
                int x1 = Math.min(w, bx + BLOCK);
                int count = (y1 - by) * (x1 - bx);
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int y = by; y < y1; y++) {
                        for (int x = bx; x < x1; x++) {
                            sum += rgb[(y * w + x) * 3 + c] & 0xff;
                        }
                    }
                    int mean = sum / count;
                    for (int y = by; y < y1; y++) {
                        for (int x = bx; x < x1; x++) {
                            int i = (y * w + x) * 3 + c;
                            int v = rgb[i] & 0xff;
                            rgb[i] = (byte) (v + (((mean - v) * mix) >> 8));
                        }
                    }
                }
            }
        }
    }

    /** One blur direction: {@code lines} lines of {@code length} pixels, {@code step} bytes apart along a line. */
    private static void pass(byte[] in, byte[] out, int lines, int length, int lineStride, int step, int radius) {
        int window = 2 * radius + 1;
        for (int line = 0; line < lines; line++) {
            int base = line * lineStride;
            for (int c = 0; c < 3; c++) {
                int sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += in[base + clampIndex(k, length) * step + c] & 0xff;
                }
                for (int p = 0; p < length; p++) {
                    out[base + p * step + c] = (byte) (sum / window);
                    sum += (in[base + clampIndex(p + radius + 1, length) * step + c] & 0xff)
                            - (in[base + clampIndex(p - radius, length) * step + c] & 0xff);
                }
            }
        }
    }

    private static int clampIndex(int i, int length) {
        return i < 0 ? 0 : i >= length ? length - 1 : i;
    }
}
