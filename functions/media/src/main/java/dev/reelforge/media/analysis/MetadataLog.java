package dev.reelforge.media.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what FFmpeg's {@code metadata=mode=print:file=…} writes: a {@code frame:N pts:P pts_time:T} line per frame
 * followed by that frame's {@code key=value} lines. Values that are not numbers (e.g. {@code -nan}) read as NaN.
 */
record MetadataLog(List<Entry> entries) {
    MetadataLog {
        entries = List.copyOf(entries);
    }

    /** One frame's metadata. */
    record Entry(int frame, double ptsTime, Map<String, Double> values) {
        double get(String key) {
            return values.getOrDefault(key, Double.NaN);
        }

        boolean has(String key) {
            return values.containsKey(key);
        }
    }

    static MetadataLog read(Path file) {
        if (!Files.exists(file)) {
            return new MetadataLog(List.of());
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the analysis log " + file, e);
        }
    }

    static MetadataLog parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int frame = -1;
        double pts = Double.NaN;
        Map<String, Double> values = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("frame:")) {
                if (frame >= 0) {
                    entries.add(new Entry(frame, pts, values));
                }
                String[] parts = line.trim().split("\\s+");
                frame = Integer.parseInt(parts[0].substring("frame:".length()));
                pts = Double.NaN;
                for (String part : parts) {
                    if (part.startsWith("pts_time:")) {
                        pts = number(part.substring("pts_time:".length()));
                    }
                }
                values = new HashMap<>();
            } else {
                int eq = line.indexOf('=');
                if (eq > 0 && frame >= 0) {
                    values.put(
                            line.substring(0, eq).trim(),
                            number(line.substring(eq + 1).trim()));
                }
            }
        }
        if (frame >= 0) {
            entries.add(new Entry(frame, pts, values));
        }
        return new MetadataLog(entries);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
