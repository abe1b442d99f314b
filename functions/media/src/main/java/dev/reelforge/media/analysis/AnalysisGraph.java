package dev.reelforge.media.analysis;

import dev.reelforge.core.media.ProbeResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FFmpeg filter graphs that feed every review metric from a single decode. The decoded video is split four
 * ways, and each branch drops the frames it does not need before it scales, so only the statistics branch touches
 * every frame. It first keeps every second row as often as the picture stays at least as tall as the statistics
 * size ({@code field}, which only doubles the line stride: the rows it drops are never read, which saves the
 * memory traffic of reading each full-size frame once more), then scales, straight from the source, to a short
 * side of {@value #STATS_SHORT_SIDE} px (fast bilinear) for scdet, freezedetect and blackdetect, then to
 * {@value #SIGNAL_SHORT_SIDE} px, whose picture goes out, every frame, twice: as raw yuv420p, from which
 * {@link PlaneStats} computes what signalstats gave (mean luma, chroma and frame difference, to the bit, without
 * signalstats' hue and saturation pictures), and as raw RGB thumbnails for the checks that look at where and what
 * colour things are. Every statistic read there is a mean over the picture (of luma, chroma, frame difference, or the
 * share of dark pixels), which rows sampled evenly estimate without bias. Blur and blockiness are read
 * as medians over sampled frames, so what counts is the number of samples, not their rate: {@value #BLUR_SAMPLES}
 * and {@value #BLOCK_SAMPLES} frames, one from the middle of each equal stretch of the clip, whatever its length and
 * frame rate. The blur samples are scaled to a short side of {@value #BLUR_SHORT_SIDE} px for blurdetect, which reads the edge
 * width of the {@value #BLUR_SHARPEST_PERCENT} % most detailed {@value #BLUR_BLOCK}-px blocks: the part of the picture
 * in focus, so a shallow depth of field or a plain sky does not read as blur, while a defocused picture has no sharp
 * block left. The same samples go out as grey raw frames for {@link ReblurSoftness}, which weighs every edge by its
 * strength (the grain of a soft source keeps narrow edges alive under a defocus). The luma
 * of an 8×8-aligned full-resolution crop of the centre (coding blocks only exist at full resolution) of each block
 * sample carries blockdetect on the 8-pixel grid twice: squashed (area
 * average) to {@value #BLOCK_PROFILE_LINES} rows, which keeps the vertical block edges at x = 8k, and to
 * {@value #BLOCK_PROFILE_LINES} columns, which keeps the horizontal ones at y = 8k; so few lines give blockdetect no
 * grid line at all on the squashed axis. Coding blocks have edges on both axes, stripes and bands on one, so the
 * analyzer keeps the smaller of the two. A dozen frames become the contact sheet, scaled in two steps (a bicubic
 * scale straight from 1080p to a 160-px tile costs as much as the whole statistics branch). The sheet is the
 * graph's only output, and it is written once the video ends (not after its one frame): FFmpeg stops when its
 * outputs are done, so the sheet's output is what keeps every sink branch running to the last frame.
 *
 * <p>The audio has a graph of its own, so FFmpeg runs it on its own thread: in one graph with the video, the audio
 * branch stalled the video branches (the graph waits on both inputs) and cost more wall time than its filters do.
 * It is split into ebur128 (momentary loudness) and 16 kHz mono PCM on stdout for onset detection in Java.
 * Full-resolution blurdetect and signalstats would cost 10× and 5× the decode (FACTS.md); docs/review-checks.md
 * gives the measurements behind these sizes.
 *
 * <p>The graphs run without slice threads ({@code -filter_complex_threads 1}): their filters work on pictures of a
 * few thousand pixels, where handing slices to a thread pool costs more futex wake-ups than it saves, and the
 * decoder's frame threads already keep every core busy.
 */
record AnalysisGraph(
        ProbeResult probe,
        int frameCount,
        Path videoLog,
        Path blurLog,
        Path blockColumnsLog,
        Path blockRowsLog,
        Path audioLog,
        Path contactSheet,
        Path thumbnails,
        Path planes,
        Path blurFrames) {
    /** Set on every frame before the statistics log is printed, so that every frame has a line, the first too. */
    static final String FRAME_KEY = "lavfi.reelforge.frame";

    static final int BLUR_SHORT_SIDE = 270;
    static final int STATS_SHORT_SIDE = 90;
    static final int SIGNAL_SHORT_SIDE = 48;
    static final int BLUR_SAMPLES = 24;
    static final int BLUR_BLOCK = 32;
    static final int BLUR_SHARPEST_PERCENT = 15;
    static final int BLOCK_SAMPLES = 24;
    static final int PCM_RATE = 16_000;
    static final int SHEET_TILES = 12;
    /**
     * Thumbnails stacked per packet: one column of frames is their bytes back to back, so the file reads the same,
     * but the encoder and muxer threads are woken once per stack instead of once per frame. Stacks go out with
     * {@code -fps_mode passthrough}, one thumbnail per decoded frame like the log's lines: the default constant-rate
     * output duplicated an early frame of clips whose timestamps start late, shifting every thumbnail by one.
     */
    static final int THUMBNAIL_TILE = 30;

    private static final int SHEET_TILE_WIDTH = 160;
    private static final int BLOCK_CROP_LONG = 512;
    private static final int BLOCK_CROP_SHORT = 256;
    /** At most 11 lines: blockdetect's grid search on that axis (lines 3 … n−5 at 8k−1) then finds no grid line. */
    static final int BLOCK_PROFILE_LINES = 8;

    private static final String BLOCK_GRID = "blockdetect=period_min=8:period_max=8";

    List<String> arguments(Path clip) {
        List<String> args = new ArrayList<>(List.of(
                "-v",
                "error",
                "-nostats",
                "-y",
                "-filter_complex_threads",
                "1",
                "-i",
                clip.toString(),
                "-filter_complex",
                videoFilter()));
        if (probe.hasAudio()) {
            args.addAll(List.of("-filter_complex", audioFilter()));
        }
        args.addAll(List.of(
                "-map",
                "[sheet]",
                "-update",
                "1",
                "-q:v",
                "4",
                "-f",
                "image2",
                "-c:v",
                "mjpeg",
                contactSheet.toString()));
        args.addAll(rawFrames("thumbs", thumbnails));
        args.addAll(rawFrames("planes", planes));
        args.addAll(rawFrames("blurframes", blurFrames));
        if (probe.hasAudio()) {
            args.addAll(List.of("-map", "[pcm]", "-f", "s16le", "-c:a", "pcm_s16le", "pipe:1"));
        }
        return args;
    }

    /** One output of every decoded frame of {@code label}, raw, to {@code file}: no frame dropped or repeated. */
    private static List<String> rawFrames(String label, Path file) {
        return List.of(
                "-map",
                "[" + label + "]",
                "-fps_mode",
                "passthrough",
                "-f",
                "rawvideo",
                "-c:v",
                "rawvideo",
                file.toString());
    }

    String videoFilter() {
        int[] stats = sizeWithShortSide(STATS_SHORT_SIDE);
        int[] signal = sizeWithShortSide(SIGNAL_SHORT_SIDE);
        int[] blur = blurSize();
        int[] crop = blockCrop();
        int[] sheet = sheetTileSize();
        StringBuilder g = new StringBuilder("[0:v]split=4[stats][blur][block][sheet];[stats]");
        for (int height = probe.height(); height / 2 >= stats[1]; height /= 2) {
            g.append("field=top,");
        }
        g.append(String.format(Locale.ROOT, "scale=%d:%d:flags=fast_bilinear,format=yuv420p,", stats[0], stats[1]))
                .append("scdet=threshold=100,freezedetect=n=0.002:d=0.15,blackdetect=d=0.04:pix_th=0.10,")
                .append("metadata=mode=add:key=" + FRAME_KEY + ":value=1,metadata=mode=print:file=")
                .append(escape(videoLog))
                .append(String.format(
                        Locale.ROOT,
                        ",scale=%d:%d:flags=fast_bilinear,format=yuv420p,split[planesrc][thumbsrc];",
                        signal[0],
                        signal[1]))
                .append(String.format(Locale.ROOT, "[planesrc]tile=1x%d[planes];", THUMBNAIL_TILE))
                .append(String.format(Locale.ROOT, "[thumbsrc]format=rgb24,tile=1x%d[thumbs];", THUMBNAIL_TILE));
        g.append("[blur]")
                .append(evenSample(BLUR_SAMPLES))
                .append(String.format(
                        Locale.ROOT, ",scale=%d:%d:flags=fast_bilinear,format=yuv420p,", blur[0], blur[1]))
                .append(String.format(
                        Locale.ROOT,
                        "blurdetect=block_width=%d:block_height=%d:block_pct=%d",
                        BLUR_BLOCK,
                        BLUR_BLOCK,
                        BLUR_SHARPEST_PERCENT))
                .append(",metadata=mode=print:file=")
                .append(escape(blurLog))
                .append(",format=gray[blurframes];");
        g.append("[block]")
                .append(evenSample(BLOCK_SAMPLES))
                .append(String.format(Locale.ROOT, ",crop=%d:%d:%d:%d,", crop[0], crop[1], crop[2], crop[3]))
                .append("extractplanes=y,split[blockcols][blockrows];");
        g.append(String.format(Locale.ROOT, "[blockcols]scale=%d:%d:flags=area,", crop[0], BLOCK_PROFILE_LINES))
                .append(BLOCK_GRID)
                .append(",metadata=mode=print:file=")
                .append(escape(blockColumnsLog))
                .append(",nullsink;");
        g.append(String.format(Locale.ROOT, "[blockrows]scale=%d:%d:flags=area,", BLOCK_PROFILE_LINES, crop[1]))
                .append(BLOCK_GRID)
                .append(",metadata=mode=print:file=")
                .append(escape(blockRowsLog))
                .append(",nullsink;");
        g.append("[sheet]")
                .append(evenSample(SHEET_TILES))
                .append(String.format(
                        Locale.ROOT,
                        ",scale=%d:%d:flags=fast_bilinear,scale=%d:%d:flags=area,format=yuv420p,tile=6x2[sheet]",
                        2 * sheet[0],
                        2 * sheet[1],
                        sheet[0],
                        sheet[1]));
        return g.toString();
    }

    String audioFilter() {
        return "[0:a]asplit[loud][pcmsrc];[loud]ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.M:file="
                + escape(audioLog) + ",anullsink;[pcmsrc]aresample=" + PCM_RATE
                + ",aformat=sample_fmts=s16:channel_layouts=mono[pcm]";
    }

    /** Selects about {@code samples} frames: the middle one of each stretch of {@code frameCount / samples}. */
    private String evenSample(int samples) {
        return new EvenSample(frameCount, samples).select();
    }

    /** The thumbnails' size: the statistics picture, whose every frame goes out as raw yuv420p and as raw RGB. */
    int[] thumbnailSize() {
        return sizeWithShortSide(SIGNAL_SHORT_SIDE);
    }

    int[] blurSize() {
        return sizeWithShortSide(BLUR_SHORT_SIDE);
    }

    private int[] sheetTileSize() {
        int[] blur = blurSize();
        return new int[] {
            SHEET_TILE_WIDTH, Math.max(2, (int) Math.round(SHEET_TILE_WIDTH * (double) blur[1] / blur[0] / 2) * 2)
        };
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
