package dev.reelforge.core.edit;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.Timecode;

/**
 * A span of a clip in seconds, as a creator writes it: {@code 00:02-00:03} (either bound in any form
 * {@link Timecode} reads). Parsed at the edge so a bad range is refused with the field it came from.
 */
public record TimeRange(double start, double end) {

    public TimeRange {
        if (!(end > start) || start < 0) {
            throw new IllegalArgumentException("a range ends after it starts, at 0 or later");
        }
    }

    /** {@code 00:02-00:03}; the error names {@code field}. */
    public static TimeRange parse(String field, String text) {
        String[] bounds = text.strip().split("\\s*[-–]\\s*");
        if (bounds.length != 2) {
            throw InvalidRequestException.of(
                    field, "write the range as START-END, e.g. 00:02-00:03 (got '" + text + "')");
        }
        double start;
        double end;
        try {
            start = Timecode.seconds(bounds[0]);
            end = Timecode.seconds(bounds[1]);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, e.getMessage() + " in '" + text + "'");
        }
        if (!(end > start)) {
            throw InvalidRequestException.of(field, "the range '" + text + "' must end after it starts");
        }
        return new TimeRange(start, end);
    }

    public double length() {
        return end - start;
    }

    public boolean overlaps(TimeRange other) {
        return start < other.end - 1e-9 && other.start < end - 1e-9;
    }
}
