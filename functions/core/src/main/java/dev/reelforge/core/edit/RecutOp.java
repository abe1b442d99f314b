package dev.reelforge.core.edit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.reelforge.core.error.InvalidRequestException;
import java.util.Locale;

/**
 * One re-cut instruction on the source clip's timeline, as the CLI and the API write it: {@code trim 00:01-00:05}
 * keeps only that span; {@code retime 00:02-00:03=2} plays the span {@code factor} times as long (2: half speed,
 * 0.5: double speed); {@code expand 00:02-00:03=00:02-00:05} is the retime that makes the span fill the second one,
 * which starts where the first does.
 *
 * @param field the request field the instruction came from, named in every error
 */
public record RecutOp(Kind kind, TimeRange range, double factor, String field) {

    /** What an instruction does; its wire name is the CLI flag without dashes. */
    public enum Kind {
        TRIM,
        RETIME;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static RecutOp trim(String field, String text) {
        return new RecutOp(Kind.TRIM, TimeRange.parse(field, text), 1, field);
    }

    /** {@code A-B=FACTOR}, the factor greater than 0. */
    public static RecutOp retime(String field, String text) {
        String[] parts = split(field, text, "00:02-00:03=2");
        double factor;
        try {
            factor = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(field, "the factor after '=' must be a number (got '" + parts[1] + "')");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw InvalidRequestException.of(field, "the factor must be greater than 0 (got " + parts[1].strip() + ")");
        }
        return new RecutOp(Kind.RETIME, TimeRange.parse(field, parts[0]), factor, field);
    }

    /** {@code A-B=A-C}: the span A–B stretched (or squeezed) to A–C. */
    public static RecutOp expand(String field, String text) {
        String[] parts = split(field, text, "00:02-00:03=00:02-00:05");
        TimeRange from = TimeRange.parse(field, parts[0]);
        TimeRange to = TimeRange.parse(field, parts[1]);
        if (Math.abs(from.start() - to.start()) > 1e-6) {
            throw InvalidRequestException.of(
                    field, "the new span must start where the old one does (" + parts[0] + " → " + parts[1] + ")");
        }
        return new RecutOp(Kind.RETIME, from, to.length() / from.length(), field);
    }

    private static String[] split(String field, String text, String example) {
        String[] parts = text.split("=", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw InvalidRequestException.of(field, "write it as " + example + " (got '" + text + "')");
        }
        return parts;
    }
}
