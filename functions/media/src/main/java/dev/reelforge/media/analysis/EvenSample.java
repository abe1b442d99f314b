package dev.reelforge.media.analysis;

/**
 * The frames a sampled measurement reads: the middle frame of each of {@code count} equal stretches of a clip of
 * {@code frameCount} frames, whatever its length and frame rate. The analysis samples blur, blockiness and the
 * contact sheet this way, and the visual judge's stills are taken the same way.
 *
 * @param frameCount the clip's frames (duration × frame rate)
 * @param count how many stretches
 */
record EvenSample(int frameCount, int count) {
    EvenSample {
        if (count < 1) {
            throw new IllegalArgumentException("sample at least one frame, not " + count);
        }
    }

    /** Frames per stretch, at least one. */
    int step() {
        return Math.max(1, frameCount / count);
    }

    /** The index of the {@code k}-th sampled frame (from 0). */
    int frame(int k) {
        return step() / 2 + k * step();
    }

    /**
     * FFmpeg's select filter for the middle frame of every stretch. When {@code frameCount} is not a multiple of
     * {@code count}, the remainder can hold one more (the medians read from these samples do not mind).
     */
    String select() {
        return "select='eq(mod(n\\," + step() + ")\\," + step() / 2 + ")'";
    }

    /** The same, stopping after {@code count} frames, for callers that want exactly that many. */
    String selectAtMostCount() {
        return "select='eq(mod(n\\," + step() + ")\\," + step() / 2 + ")*lt(n\\," + step() * count + ")'";
    }
}
