package dev.reelforge.media.render;

import dev.reelforge.core.media.AudioPolish;
import dev.reelforge.core.media.Grade;
import dev.reelforge.core.media.Rendition;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of the single {@code -filter_complex} graph a plan runs through, so one decode feeds every output:
 * beat clips joined with xfade/acrossfade, the grade, per-rendition fit and watermark overlay, the audio clean-up
 * and loudness normalisation split to every rendition, and the thumbnail and poster branches. The same text goes
 * into the provenance record. Inputs are numbered clips first, then one watermark PNG per rendition.
 */
final class PlanFilterGraph {
    static final String THUMBNAIL_OUT = "thumb";
    static final String POSTER_OUT = "poster";
    static final double LRA_TARGET = 20;
    private static final int THUMBNAIL_LONG_SIDE = 480;
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

    private PlanFilterGraph() {}

    /**
     * Joins the clips' audio (crossfades between consecutive clips) and applies high-pass, denoise and the given
     * loudness stage; the result is labelled {@code [apol]}.
     */
    static String audio(List<Double> clipSeconds, double crossfade, AudioPolish polish, String loudnessStage) {
        StringBuilder graph = new StringBuilder();
        String joined = "[0:a]";
        for (int i = 1; i < clipSeconds.size(); i++) {
            String next = "[ax" + i + "]";
            graph.append(joined)
                    .append("[")
                    .append(i)
                    .append(":a]acrossfade=d=")
                    .append(fmt(crossfade))
                    .append(":c1=tri:c2=tri")
                    .append(next)
                    .append(';');
            joined = next;
        }
        graph.append(joined)
                .append("highpass=f=")
                .append(fmt(polish.highpassHz()))
                .append(",afftdn=nr=")
                .append(fmt(polish.noiseReductionDb()));
        if (!loudnessStage.isEmpty()) {
            graph.append(',').append(loudnessStage);
        }
        double pictureSeconds =
                clipSeconds.stream().mapToDouble(Double::doubleValue).sum()
                        - crossfade * Math.max(0, clipSeconds.size() - 1);
        // loudnorm and afftdn flush a tail of samples at the end; the sound must end with the picture
        return graph.append(",aresample=48000,atrim=end=")
                .append(fmt(pictureSeconds))
                .append("[apol]")
                .toString();
    }

    /** The measuring pass's loudnorm (prints its JSON summary) with the true-peak headroom left for the AAC encoder. */
    static String measureStage(AudioPolish polish) {
        return "loudnorm=I=" + fmt(polish.targetLufs()) + ":TP=" + fmt(loudnormPeak(polish)) + ":LRA=" + fmt(LRA_TARGET)
                + ":print_format=json";
    }

    /**
     * The render pass's loudnorm: linear gain from the measurement. Loudnorm refuses linear mode for a measured range
     * of exactly 0 (a steady tone), so that is passed as 0.01 LU.
     */
    static String normaliseStage(AudioPolish polish, LoudnessMeasurement measured) {
        if (measured.silent()) {
            return "";
        }
        return "loudnorm=I=" + fmt(polish.targetLufs()) + ":TP=" + fmt(loudnormPeak(polish)) + ":LRA=" + fmt(LRA_TARGET)
                + ":measured_I=" + fmt(measured.integratedLufs()) + ":measured_TP=" + fmt(measured.truePeakDbtp())
                + ":measured_LRA=" + fmt(Math.max(0.01, measured.lra())) + ":measured_thresh="
                + fmt(measured.threshold())
                + ":offset=" + fmt(measured.offset()) + ":linear=true:print_format=none";
    }

    /** Half a dB below the ceiling: AAC encoding can raise inter-sample peaks by a few tenths of a dB. */
    static double loudnormPeak(AudioPolish polish) {
        return polish.truePeakDbtp() - 0.5;
    }

    /**
     * The whole graph. {@code cuda} means the clip is decoded to GPU frames: scaling runs as {@code scale_cuda} per
     * rendition before the frames come down for crop/pad, grade and overlay (single clip only).
     */
    static String build(Spec spec) {
        StringBuilder graph = new StringBuilder();
        int n = spec.renditions().size();
        int branches = n;
        String grade = grade(spec.grade(), spec.lut());
        if (spec.cuda()) {
            graph.append("[0:v]");
        } else {
            graph.append(videoJoin(spec, graph)).append(grade).append(',');
        }
        graph.append("split=").append(branches);
        for (int i = 0; i < branches; i++) {
            graph.append("[g").append(i).append(']');
        }
        for (int i = 0; i < n; i++) {
            Rendition rendition = spec.renditions().get(i);
            WatermarkImage mark = spec.watermarks().get(i);
            graph.append(";[g").append(i).append(']').append(FitFilter.of(rendition, spec.cuda()));
            if (spec.cuda()) {
                graph.append(',').append(grade);
            }
            String out = i == 0 && spec.stills() ? "[r0all]" : "[v" + i + "]";
            graph.append("[f")
                    .append(i)
                    .append("];[f")
                    .append(i)
                    .append("][")
                    .append(spec.clipCount() + i)
                    .append(":v]overlay=x=")
                    .append(mark.x())
                    .append(":y=")
                    .append(mark.y())
                    .append(",format=yuv420p")
                    .append(out);
        }
        if (spec.stills()) {
            Rendition first = spec.renditions().get(0);
            int thumbW = even(
                    first.width() >= first.height()
                            ? THUMBNAIL_LONG_SIDE
                            : THUMBNAIL_LONG_SIDE * first.width() / first.height());
            int thumbH = even(
                    first.width() >= first.height()
                            ? THUMBNAIL_LONG_SIDE * first.height() / first.width()
                            : THUMBNAIL_LONG_SIDE);
            String middle = "select=gte(t\\," + fmt(spec.middleSeconds()) + ")";
            graph.append(";[r0all]split=3[v0][st0][st1];[st0]")
                    .append(middle)
                    .append("[")
                    .append(POSTER_OUT)
                    .append("];[st1]")
                    .append(middle)
                    .append(",scale=")
                    .append(thumbW)
                    .append(':')
                    .append(thumbH)
                    .append("[")
                    .append(THUMBNAIL_OUT)
                    .append(']');
        }
        if (spec.audio() != null) {
            graph.append(';').append(spec.audio()).append(";[apol]asplit=").append(n);
            for (int i = 0; i < n; i++) {
                graph.append("[a").append(i).append(']');
            }
        }
        return graph.toString();
    }

    private static String videoJoin(Spec spec, StringBuilder graph) {
        if (spec.clipCount() == 1) {
            return "[0:v]";
        }
        Rendition size = spec.joinSize();
        for (int i = 0; i < spec.clipCount(); i++) {
            graph.append('[')
                    .append(i)
                    .append(":v]scale=")
                    .append(size.width())
                    .append(':')
                    .append(size.height())
                    .append(",setsar=1,fps=")
                    .append(fmt(spec.fps()))
                    .append(",format=yuv420p,settb=AVTB[c")
                    .append(i)
                    .append("];");
        }
        String joined = "[c0]";
        double offset = 0;
        for (int i = 1; i < spec.clipCount(); i++) {
            offset += spec.clipSeconds().get(i - 1) - spec.crossfade();
            String next = "[x" + i + "]";
            graph.append(joined)
                    .append("[c")
                    .append(i)
                    .append("]xfade=transition=fade:duration=")
                    .append(fmt(spec.crossfade()))
                    .append(":offset=")
                    .append(fmt(offset))
                    .append(next)
                    .append(';');
            joined = next;
        }
        return joined;
    }

    /**
     * The grade as {@code hue} (saturation) and {@code lutyuv} (contrast around mid-grey and brightness, the same
     * arithmetic as {@code eq}, which is GPL-only and missing from the LGPL FFmpeg build), then the optional LUT.
     * Neutral settings add a no-op {@code null} filter so the graph's shape never changes.
     */
    static String grade(Grade grade, Path lut) {
        StringBuilder filters = new StringBuilder();
        if (grade.saturation() != 1) {
            filters.append("hue=s=").append(fmt(grade.saturation()));
        }
        if (grade.contrast() != 1 || grade.brightness() != 0) {
            filters.append(filters.isEmpty() ? "" : ",")
                    .append("lutyuv=y='clip((val-128)*")
                    .append(fmt(grade.contrast()))
                    .append("+128+")
                    .append(fmt(grade.brightness() * 256))
                    .append(",0,255)'");
        }
        if (lut != null) {
            if (!SAFE_PATH.matcher(lut.toString()).matches()) {
                throw new IllegalArgumentException(
                        "copy the LUT to a plain path first (letters, digits, / . _ -): " + lut);
            }
            filters.append(filters.isEmpty() ? "" : ",").append("lut3d=file=").append(lut);
        }
        return filters.isEmpty() ? "null" : filters.toString();
    }

    static String fmt(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }

    /**
     * @param joinSize frame size the beat clips are brought to before crossfading (the first clip's)
     * @param audio the audio graph from {@link #audio}, or null when the clips have no sound
     * @param stills whether to add the poster and thumbnail branches
     */
    record Spec(
            int clipCount,
            List<Double> clipSeconds,
            double crossfade,
            double fps,
            Rendition joinSize,
            Grade grade,
            Path lut,
            List<Rendition> renditions,
            List<WatermarkImage> watermarks,
            String audio,
            boolean stills,
            double middleSeconds,
            boolean cuda) {}
}
