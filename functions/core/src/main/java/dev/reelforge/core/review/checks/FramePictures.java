package dev.reelforge.core.review.checks;

import dev.reelforge.core.media.FrameThumbnails;

/**
 * What the thumbnails say about each frame and about each frame against the one before it, computed once per clip
 * for every check that reads them:
 * <ul>
 *   <li><b>structure change</b>: how much the picture's edges changed, 0 (same edges) to about 1 (unrelated
 *       pictures): one minus the cosine similarity of the gradients of log luma, so a change of light (a gain, a
 *       flicker, a re-lit scene, an exposure walk: all multiplicative and smooth) leaves it near 0, and so does a
 *       blur at thumbnail size; a cut replaces the edges;</li>
 *   <li><b>look change</b>: how far the colour layout (a 4×3 grid of mean Y, U, V cells) moved, in levels — what a
 *       palette or lighting jump moves, and a cut too.</li>
 * </ul>
 * Where the subject is, for the framing check, is {@link SubjectEdges}.
 * Frames beyond the thumbnails (none, or fewer than the series) read as unchanged.
 */
final class FramePictures {
    static final int GRID_COLUMNS = 4;
    static final int GRID_ROWS = 3;
    private static final double LOG_OFFSET = 16;
    private static final double MIN_GRADIENT_MASS = 1e-6;
    static final double HELD_LEVELS = 3;
    /** A repeated frame has at most this share of its pixels changed: a distant walker or a cursor moves more. */
    static final double HELD_SHARE = 0.0005;

    final double[] structureChange;
    final double[] lookChange;
    /** The median per-pixel luma change from the previous frame: the global brightness step, blind to moving content. */
    final double[] brightnessStep;
    /** How many pixels changed their luma by more than {@value #HELD_LEVELS} levels from the previous frame. */
    final int[] changedPixels;
    /** Per frame, the layout grid: {@code GRID_ROWS × GRID_COLUMNS} cells of (Y, U, V) means. */
    final double[][] layout;

    private final FrameThumbnails thumbs;
    /** Rec. 601 Y, U, V of every thumbnail pixel, frame after frame, computed once for every check. */
    private final double[] yPlane;

    private final double[] uPlane;
    private final double[] vPlane;
    /** Each thumbnail pixel's cell of the layout grid. */
    private final int[] cellOf;

    private FramePictures(FrameThumbnails thumbs, int frames) {
        this.thumbs = thumbs;
        int values = thumbs.frameCount() * thumbs.pixels();
        yPlane = new double[values];
        uPlane = new double[values];
        vPlane = new double[values];
        for (int i = 0; i < values; i++) {
            double r = thumbs.channel(0, i, 0);
            double g = thumbs.channel(0, i, 1);
            double b = thumbs.channel(0, i, 2);
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;
            yPlane[i] = luma;
            uPlane[i] = 128 + 0.564 * (b - luma);
            vPlane[i] = 128 + 0.713 * (r - luma);
        }
        int w = thumbs.width();
        int h = thumbs.height();
        cellOf = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cellOf[y * w + x] = (y * GRID_ROWS / h) * GRID_COLUMNS + x * GRID_COLUMNS / w;
            }
        }
        structureChange = new double[frames];
        lookChange = new double[frames];
        layout = new double[frames][];
        brightnessStep = new double[frames];
        changedPixels = new int[frames];
    }

    static FramePictures of(FrameThumbnails thumbs, int frames) {
        FramePictures p = new FramePictures(thumbs, frames);
        int available = Math.min(frames, thumbs.frameCount());
        double[][] previousGradient = null;
        for (int i = 0; i < frames; i++) {
            if (i >= available) {
                p.layout[i] = i == 0 ? new double[GRID_ROWS * GRID_COLUMNS * 3] : p.layout[i - 1];
                continue;
            }
            double[][] gradient = p.gradients(i);
            p.layout[i] = p.layoutOf(i);
            if (previousGradient != null) {
                p.structureChange[i] = change(previousGradient, gradient);
                p.lookChange[i] = distance(p.layout[i - 1], p.layout[i]);
                p.lumaChange(i);
            }
            previousGradient = gradient;
        }
        return p;
    }

    private void lumaChange(int frame) {
        double[] steps = new double[thumbs.pixels()];
        int changed = 0;
        for (int p = 0; p < steps.length; p++) {
            steps[p] = y(frame, p) - y(frame - 1, p);
            changed += Math.abs(steps[p]) > HELD_LEVELS ? 1 : 0;
        }
        brightnessStep[frame] = steps.length == 0 ? Double.NaN : SeriesStats.select(steps, steps.length / 2);
        changedPixels[frame] = changed;
    }

    /** Whether frame {@code i} repeats the one before: almost no pixel changed beyond compression noise. */
    boolean held(int i) {
        return i > 0 && i < thumbs.frameCount() && changedPixels[i] <= HELD_SHARE * thumbs.pixels();
    }

    int frames() {
        return structureChange.length;
    }

    /** How different the edges of frames {@code a} and {@code b} are (0–1); 0 where either has no thumbnail. */
    double structureBetween(int a, int b) {
        if (Math.max(a, b) >= thumbs.frameCount()) {
            return 0;
        }
        return change(gradients(a), gradients(b));
    }

    /** Colour-layout distance between frames {@code a} and {@code b}, levels. */
    double lookBetween(int a, int b) {
        return distance(layout[a], layout[b]);
    }

    /** Horizontal and vertical differences of log luma per pixel. */
    private double[][] gradients(int frame) {
        int w = thumbs.width();
        int h = thumbs.height();
        double[] log = new double[w * h];
        for (int p = 0; p < log.length; p++) {
            log[p] = Math.log(y(frame, p) + LOG_OFFSET);
        }
        double[] gx = new double[w * h];
        double[] gy = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                gx[p] = x + 1 < w ? log[p + 1] - log[p] : 0;
                gy[p] = y + 1 < h ? log[p + w] - log[p] : 0;
            }
        }
        return new double[][] {gx, gy};
    }

    /**
     * One minus the cosine similarity of two gradient fields: 0 for the same edges (whatever their contrast: a gain
     * or a softening keeps their direction), about 1 for unrelated pictures. Noise and small motion lower the
     * similarity a little, so a static textured scene reads well below a cut.
     */
    private static double change(double[][] a, double[][] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int axis = 0; axis < 2; axis++) {
            for (int p = 0; p < a[axis].length; p++) {
                dot += a[axis][p] * b[axis][p];
                na += a[axis][p] * a[axis][p];
                nb += b[axis][p] * b[axis][p];
            }
        }
        return na < MIN_GRADIENT_MASS || nb < MIN_GRADIENT_MASS ? 0 : Math.max(0, 1 - dot / Math.sqrt(na * nb));
    }

    private double[] layoutOf(int frame) {
        int w = thumbs.width();
        int h = thumbs.height();
        double[] cells = new double[GRID_ROWS * GRID_COLUMNS * 3];
        int[] counts = new int[GRID_ROWS * GRID_COLUMNS];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int cell = cellOf[p];
                cells[cell * 3] += y(frame, p);
                cells[cell * 3 + 1] += u(frame, p);
                cells[cell * 3 + 2] += v(frame, p);
                counts[cell]++;
            }
        }
        for (int cell = 0; cell < counts.length; cell++) {
            for (int c = 0; c < 3; c++) {
                cells[cell * 3 + c] /= Math.max(1, counts[cell]);
            }
        }
        return cells;
    }

    /** Rec. 601 luma of one thumbnail pixel, 0–255. */
    double y(int frame, int p) {
        return yPlane[frame * thumbs.pixels() + p];
    }

    /** Rec. 601 U of one thumbnail pixel (full range, centred on 128). */
    double u(int frame, int p) {
        return uPlane[frame * thumbs.pixels() + p];
    }

    /** Rec. 601 V of one thumbnail pixel (full range, centred on 128). */
    double v(int frame, int p) {
        return vPlane[frame * thumbs.pixels() + p];
    }

    /** Every frame's U, frame after frame ({@code frames × pixels}), for loops over whole pictures; not to be changed. */
    double[] uPlane() {
        return uPlane;
    }

    /** Every frame's V, as {@link #uPlane()}. */
    double[] vPlane() {
        return vPlane;
    }

    FrameThumbnails thumbnails() {
        return thumbs;
    }

    /** Mean over the grid's cells of the Y, U, V distance, levels. */
    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int cell = 0; cell < a.length / 3; cell++) {
            double dy = a[cell * 3] - b[cell * 3];
            double du = a[cell * 3 + 1] - b[cell * 3 + 1];
            double dv = a[cell * 3 + 2] - b[cell * 3 + 2];
            sum += Math.sqrt(dy * dy + du * du + dv * dv);
        }
        return sum / (a.length / 3);
    }
}
