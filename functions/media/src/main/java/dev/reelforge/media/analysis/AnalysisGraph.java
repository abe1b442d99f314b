package dev.reelforge.media.analysis;

import dev.reelforge.core.media.ProbeResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one FFmpeg filter graph that feeds every review metric from a single decode. The decoded video is split
 * early: a small copy (short side at most {@value #ANALYSIS_SHORT_SIDE} px, fast bilinear) carries blurdetect on a
 * sample of about {@value #BLUR_SAMPLES_PER_SECOND} frames a second, and a smaller one (short side
 * {@value #STATS_SHORT_SIDE} px) signalstats, scdet, freezedetect and blackdetect on every frame; the luma of an
 * 8×8-aligned full-resolution crop of the centre (coding blocks only exist at full resolution), about
 * {@value #BLOCK_SAMPLES_PER_SECOND} frames a second, carries blockdetect on the 8-pixel grid twice: squashed
 * (area average) to {@value #BLOCK_PROFILE_LINES} rows, which keeps the vertical block edges at x = 8k, and to
 * {@value #BLOCK_PROFILE_LINES} columns, which keeps the horizontal ones at y = 8k; so few lines give blockdetect no
 * grid line at all on the squashed axis. Coding blocks have edges on both axes, stripes and bands on one, so the
 * analyzer keeps the smaller of the two. A dozen frames become the contact sheet. The audio is split into ebur128 (momentary loudness) and
 * 16 kHz mono PCM on stdout for onset detection in Java. Full-resolution blurdetect and signalstats would cost
 * 10× and 5× the decode (FACTS.md); this graph stays near the decode floor.
 */
record AnalysisGraph(ProbeResult probe, int frameCount, Path videoLog, Path blurLog, Path blockColumnsLog,
        Path blockRowsLog, Path audioLog, Path contactSheet) {
    static final int ANALYSIS_SHORT_SIDE = 270;
    static final int STATS_SHORT_SIDE = 180;
    static final int BLUR_SAMPLES_PER_SECOND = 4;
    static final int BLOCK_SAMPLES_PER_SECOND = 6;
    static final int PCM_RATE = 16_000;
    static final int SHEET_TILES = 12;
    private static final int BLOCK_CROP_LONG = 512;
    private static final int BLOCK_CROP_SHORT = 256;
    /** At most 11 lines: blockdetect's grid search on that axis (lines 3 … n−5 at 8k−1) then finds no grid line. */
    static final int BLOCK_PROFILE_LINES = 8;
    private static final String BLOCK_GRID = "blockdetect=period_min=8:period_max=8";

    List<String> arguments(Path clip) {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-nostats", "-y", "-i", clip.toString(),
                "-filter_complex", filter()));
        args.addAll(List.of("-map", "[sheet]", "-frames:v", "1", "-q:v", "4", "-f", "image2", "-c:v", "mjpeg",
                contactSheet.toString()));
        if (probe.hasAudio()) {
            args.addAll(List.of("-map", "[pcm]", "-f", "s16le", "-c:a", "pcm_s16le", "pipe:1"));
        }
        return args;
    }

    String filter() {
        int[] small = analysisSize();
        int blurStep = step(BLUR_SAMPLES_PER_SECOND);
        int blockStep = step(BLOCK_SAMPLES_PER_SECOND);
        int sheetStep = Math.max(1, frameCount / SHEET_TILES);
        StringBuilder g = new StringBuilder();
        int[] stats = statsSize();
        g.append(String.format(Locale.ROOT, "[0:v]split=2[full][tosmall];[tosmall]scale=%d:%d:flags=fast_bilinear,"
                + "format=yuv420p,split=3[small][forblur][forsheet];", small[0], small[1]));
        g.append(String.format(Locale.ROOT, "[small]scale=%d:%d:flags=fast_bilinear,", stats[0], stats[1]));
        g.append("signalstats,scdet=threshold=100,freezedetect=n=0.002:d=0.15,blackdetect=d=0.04:pix_th=0.10,")
                .append("metadata=mode=print:file=").append(escape(videoLog)).append(",nullsink;");
        g.append("[forblur]select='not(mod(n\\,").append(blurStep).append("))',blurdetect,metadata=mode=print:file=")
                .append(escape(blurLog)).append(",nullsink;");
        int[] crop = blockCrop();
        g.append(String.format(Locale.ROOT, "[full]crop=%d:%d:%d:%d,", crop[0], crop[1], crop[2], crop[3]))
                .append("select='not(mod(n\\,").append(blockStep).append("))',extractplanes=y,split[blockcols][blockrows];");
        g.append(String.format(Locale.ROOT, "[blockcols]scale=%d:%d:flags=area,", crop[0], BLOCK_PROFILE_LINES)).append(BLOCK_GRID)
                .append(",metadata=mode=print:file=").append(escape(blockColumnsLog)).append(",nullsink;");
        g.append(String.format(Locale.ROOT, "[blockrows]scale=%d:%d:flags=area,", BLOCK_PROFILE_LINES, crop[1])).append(BLOCK_GRID)
                .append(",metadata=mode=print:file=").append(escape(blockRowsLog)).append(",nullsink;");
        int tileWidth = 160;
        int tileHeight = Math.max(2, (int) Math.round(tileWidth * (double) small[1] / small[0] / 2) * 2);
        g.append("[forsheet]select='not(mod(n\\,").append(sheetStep).append("))',scale=").append(tileWidth).append(':')
                .append(tileHeight).append(",tile=6x2[sheet]");
        if (probe.hasAudio()) {
            g.append(";[0:a]asplit[loud][pcmsrc];[loud]ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.M:file=")
                    .append(escape(audioLog)).append(",anullsink;[pcmsrc]aresample=").append(PCM_RATE)
                    .append(",aformat=sample_fmts=s16:channel_layouts=mono[pcm]");
        }
        return g.toString();
    }

    int blurStep() {
        return step(BLUR_SAMPLES_PER_SECOND);
    }

    int blockStep() {
        return step(BLOCK_SAMPLES_PER_SECOND);
    }

    private int step(int perSecond) {
        return Math.max(1, (int) Math.round(probe.fps() / perSecond));
    }

    int[] analysisSize() {
        return sizeWithShortSide(ANALYSIS_SHORT_SIDE);
    }

    /** Mean colours, frame differences, freezes and black need far fewer pixels than blur does. */
    int[] statsSize() {
        return sizeWithShortSide(STATS_SHORT_SIDE);
    }

    private int[] sizeWithShortSide(int target) {
        int w = probe.width();
        int h = probe.height();
        int shortSide = Math.min(w, h);
        if (shortSide <= target) {
            return new int[] {even(w), even(h)};
        }
        double scale = (double) target / shortSide;
        return new int[] {even((int) Math.round(w * scale)), even((int) Math.round(h * scale))};
    }

    /** Width, height, x, y of the centre crop, all multiples of 8 so that the crop keeps the coding grid. */
    private int[] blockCrop() {
        boolean landscape = probe.width() >= probe.height();
        int cw = align(Math.min(probe.width(), landscape ? BLOCK_CROP_LONG : BLOCK_CROP_SHORT));
        int ch = align(Math.min(probe.height(), landscape ? BLOCK_CROP_SHORT : BLOCK_CROP_LONG));
        return new int[] {cw, ch, align((probe.width() - cw) / 2), align((probe.height() - ch) / 2)};
    }

    private static int align(int v) {
        return Math.max(8, v / 8 * 8);
    }

    private static int even(int v) {
        return Math.max(2, v / 2 * 2);
    }

    /** The analysis writes its logs under a fresh temp directory; refuse paths the filter syntax would split. */
    private static String escape(Path path) {
        String text = path.toString();
        if (!text.matches("[A-Za-z0-9/._-]+")) {
            throw new IllegalArgumentException("analysis log path must be plain: " + text);
        }
        return text;
    }
}
