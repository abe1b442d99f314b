package dev.reelforge.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side measurements of rendered clips, each one FFmpeg decode. */
public final class ClipAnalysis {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Ffmpeg ffmpeg;

    public ClipAnalysis(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Per-frame MD5s of the decoded video only (container and audio bytes ignored). */
    public String videoFrameMd5s(Path clip) {
        String text = ffmpeg.run(
                        "hashing frames",
                        List.of("-v", "error", "-i", clip.toString(), "-map", "0:v:0", "-f", "framemd5", "-"),
                        TIMEOUT)
                .stdoutText();
        return text.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Left channel as 48 kHz samples scaled to −1…1. */
    public double[] leftChannel(Path clip) {
        byte[] raw = ffmpeg.run(
                        "decoding audio",
                        List.of(
                                "-v",
                                "error",
                                "-i",
                                clip.toString(),
                                "-map",
                                "0:a:0",
                                "-ac",
                                "2",
                                "-ar",
                                "48000",
                                "-f",
                                "s16le",
                                "-acodec",
                                "pcm_s16le",
                                "-"),
                        TIMEOUT)
                .stdout();
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] left = new double[raw.length / 4];
        for (int i = 0; i < left.length; i++) {
            left[i] = buffer.getShort(i * 4) / 32768.0;
        }
        return left;
    }

    /** Seconds of the first sample whose magnitude exceeds {@code threshold}, or −1. */
    public static double onsetSeconds(double[] samples, double threshold, double fromSeconds) {
        for (int i = (int) (fromSeconds * 48_000); i < samples.length; i++) {
            if (Math.abs(samples[i]) > threshold) {
                return i / 48_000.0;
            }
        }
        return -1;
    }

    /** Decoded luma frames at the given size (the clip's own size keeps every pixel). */
    public List<int[]> grayFrames(Path clip, int width, int height) {
        byte[] raw = ffmpeg.run(
                        "decoding luma",
                        List.of(
                                "-v",
                                "error",
                                "-i",
                                clip.toString(),
                                "-map",
                                "0:v:0",
                                "-vf",
                                "scale=" + width + ":" + height + ":flags=area",
                                "-f",
                                "rawvideo",
                                "-pix_fmt",
                                "gray",
                                "-"),
                        TIMEOUT)
                .stdout();
        List<int[]> frames = new ArrayList<>();
        int size = width * height;
        for (int offset = 0; offset + size <= raw.length; offset += size) {
            int[] frame = new int[size];
            for (int i = 0; i < size; i++) {
                frame[i] = raw[offset + i] & 0xff;
            }
            frames.add(frame);
        }
        return frames;
    }

    /** FFmpeg's log from running {@code filter} over the video (where blackdetect and friends report). */
    public String videoFilterLog(Path clip, String filter) {
        return ffmpeg.run(
                        "running " + filter,
                        List.of(
                                "-v",
                                "info",
                                "-nostats",
                                "-i",
                                clip.toString(),
                                "-map",
                                "0:v:0",
                                "-vf",
                                filter,
                                "-f",
                                "null",
                                "-"),
                        TIMEOUT)
                .stderr();
    }

    /** All values of {@code key:number} in a filter log, e.g. {@code black_duration}. */
    public static List<Double> values(String log, String key) {
        Matcher m =
                Pattern.compile(Pattern.quote(key) + "\\s*[:=]\\s*(-?[0-9.]+)").matcher(log);
        List<Double> found = new ArrayList<>();
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found;
    }

    public static double meanLuma(int[] frame) {
        long sum = 0;
        for (int v : frame) {
            sum += v;
        }
        return (double) sum / frame.length;
    }

    public static double meanAbsDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return (double) sum / a.length;
    }
}
