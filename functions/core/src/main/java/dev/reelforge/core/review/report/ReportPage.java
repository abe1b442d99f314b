package dev.reelforge.core.review.report;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The self-contained HTML review page saved next to report.json: verdict, the checks table, the contact sheet
 * (inline base64 JPEG) and inline-SVG timelines of luma, motion energy, audio onsets against the expected cues and
 * cut markers. No external assets, so it opens from an S3 presigned URL or a local disk alike.
 */
public final class ReportPage {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 90;

    private ReportPage() {}

    /** The page; {@code advisory} checks (an advisory visual judge's answers) get a table of their own. */
    public static String render(
            String title,
            String verdict,
            String reason,
            List<Check> checks,
            List<Check> advisory,
            ClipMetrics m,
            Storyboard storyboard,
            List<Integer> cutFrames) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + ".pass{color:#17702a}.fail{color:#b3261e;font-weight:bold}svg{background:#fafafa;border:1px solid #ddd;"
                        + "display:block;margin:4px 0 16px}h2{font-size:16px;margin-top:24px}</style></head><body>");
        h.append("<h1>")
                .append(esc(title))
                .append("</h1><p>Verdict: <b id=\"verdict\">")
                .append(esc(verdict))
                .append("</b> — ")
                .append(esc(reason))
                .append("</p>");
        checksTable(h, "checks", checks);
        if (!advisory.isEmpty()) {
            h.append("<h2>Visual judge (advisory: not counted in the verdict)</h2>");
            checksTable(h, "advisory", advisory);
        }
        if (m != null) {
            if (m.contactSheetJpeg().length > 0) {
                h.append(
                                "<h2>Contact sheet</h2><img id=\"contact-sheet\" alt=\"contact sheet\" src=\"data:image/jpeg;base64,")
                        .append(Base64.getEncoder().encodeToString(m.contactSheetJpeg()))
                        .append("\">");
            }
            double seconds = Math.max(m.durationSeconds(), 1e-3);
            List<Double> cuts = cutFrames.stream().map(m::timeOf).toList();
            h.append("<h2>Luma (mean Y per frame)</h2>")
                    .append(series("luma", m.luma(), 0, 255, m.fps(), seconds, cuts, "#555"));
            h.append("<h2>Motion energy (YDIF)</h2>")
                    .append(series("motion", m.motion(), 0, max(m.motion()), m.fps(), seconds, cuts, "#1f5fbf"));
            h.append("<h2>Audio onsets (red) vs expected cues (green)</h2>").append(audio(m, storyboard, seconds));
            h.append("<p>Dashed lines: detected cuts; ").append(cuts.size()).append(" cut(s).</p>");
        }
        return h.append("</body></html>").toString();
    }

    private static void checksTable(StringBuilder h, String id, List<Check> checks) {
        h.append("<table id=\"")
                .append(id)
                .append("\"><tr><th>check</th><th>result</th><th>value</th><th>threshold</th>"
                        + "<th>detail</th><th>suggested fix</th></tr>");
        for (Check c : checks) {
            h.append("<tr><td>")
                    .append(esc(c.name()))
                    .append("</td><td class=\"")
                    .append(c.passed() ? "pass\">pass" : "fail\">fail")
                    .append("</td><td>")
                    .append(num(c.value()))
                    .append(' ')
                    .append(esc(c.unit()))
                    .append("</td><td>")
                    .append(num(c.threshold()))
                    .append("</td><td>")
                    .append(esc(c.detail()))
                    .append("</td><td>")
                    .append(esc(c.suggestedFix()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String series(
            String id,
            double[] values,
            double lo,
            double hi,
            double fps,
            double seconds,
            List<Double> cuts,
            String colour) {
        StringBuilder s = svgOpen(id);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                points.append(num(x(i / fps, seconds)))
                        .append(',')
                        .append(num(y(values[i], lo, hi)))
                        .append(' ');
            }
        }
        s.append("<polyline fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"1.5\" points=\"")
                .append(points)
                .append("\"/>");
        for (double cut : cuts) {
            s.append(line(x(cut, seconds), "#b3261e", "cut-marker", true));
        }
        return s.append("</svg>").toString();
    }

    private static String audio(ClipMetrics m, Storyboard storyboard, double seconds) {
        StringBuilder s = svgOpen("audio");
        StringBuilder points = new StringBuilder();
        double[] strength = m.onsetStrength();
        int stride = Math.max(1, strength.length / WIDTH);
        for (int i = 0; i < strength.length; i += stride) {
            points.append(num(x(i * m.onsetHopSeconds(), seconds)))
                    .append(',')
                    .append(num(y(strength[i], 0, 1)))
                    .append(' ');
        }
        s.append("<polyline fill=\"none\" stroke=\"#999\" points=\"")
                .append(points)
                .append("\"/>");
        for (AudioCue cue : storyboard.audioCues()) {
            s.append(line(x(cue.atSeconds(), seconds), "#17702a", "expected-cue", false));
        }
        for (double onset : m.audioOnsets()) {
            s.append(line(x(onset, seconds), "#b3261e", "audio-onset", false));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder svgOpen(String id) {
        return new StringBuilder("<svg id=\"timeline-")
                .append(id)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\">");
    }

    private static String line(double x, String colour, String cls, boolean dashed) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"0\" y2=\"" + HEIGHT
                + "\" stroke=\"" + colour + "\"" + (dashed ? " stroke-dasharray=\"4 3\"" : " stroke-width=\"2\"")
                + "/>";
    }

    private static double x(double t, double seconds) {
        return t / seconds * WIDTH;
    }

    private static double y(double v, double lo, double hi) {
        double span = hi - lo <= 0 ? 1 : hi - lo;
        return HEIGHT - 4 - (Math.max(lo, Math.min(hi, v)) - lo) / span * (HEIGHT - 8);
    }

    private static double max(double[] values) {
        double max = 1;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
