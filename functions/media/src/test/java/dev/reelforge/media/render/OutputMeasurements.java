package dev.reelforge.media.render;

import dev.reelforge.media.Ffmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Measurements taken on rendered files by FFmpeg itself, independent of how the renderer built them. */
final class OutputMeasurements {
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    private OutputMeasurements() {}

    /** EBU R128 integrated loudness (LUFS) and true peak (dBTP) of the file's audio, from the ebur128 filter's summary. */
    static double[] loudness(Ffmpeg ffmpeg, Path clip) {
        String log = ffmpeg.run(
                        "measuring with ebur128",
                        List.of(
                                "-v",
                                "info",
                                "-nostats",
                                "-i",
                                clip.toString(),
                                "-map",
                                "0:a:0",
                                "-af",
                                "ebur128=peak=true",
                                "-f",
                                "null",
                                "-"),
                        Duration.ofSeconds(60))
                .stderr();
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[] {value(INTEGRATED.matcher(summary)), value(TRUE_PEAK.matcher(summary))};
    }

    private static double value(Matcher matcher) {
        if (!matcher.find()) {
            throw new AssertionError("no ebur128 figure in the summary");
        }
        return matcher.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(matcher.group(1));
    }

    /** Mean of a rectangle of a luma frame {@code width} pixels wide. */
    static double mean(int[] frame, int width, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += frame[y * width + x];
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }

    /** How many pixels of the rectangle are brighter than {@code level}. */
    static int brighterThan(int[] frame, int width, int x0, int y0, int x1, int y1, int level) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count += frame[y * width + x] > level ? 1 : 0;
            }
        }
        return count;
    }

    /** How many pixels of the rectangle differ from {@code reference} by more than {@code tolerance} levels. */
    static int differing(int[] frame, int[] reference, int width, int x0, int y0, int x1, int y1, int tolerance) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count += Math.abs(frame[y * width + x] - reference[y * width + x]) > tolerance ? 1 : 0;
            }
        }
        return count;
    }
}
