package dev.reelforge.media.animatic;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A flaw injected on purpose so that the review checks have something real to find, written {@code name} or
 * {@code name:strength} (strength 0–1, default 0.5); {@code audio-offset:<ms>} takes milliseconds instead.
 */
public record Defect(Kind kind, double amount) {
    public static final double DEFAULT_STRENGTH = 0.5;

    /** The defects the animatic can inject. */
    public enum Kind {
        FLICKER("flicker"),
        BLUR("blur"),
        FREEZE("freeze"),
        BLACK("black"),
        AUDIO_OFFSET("audio-offset"),
        CUT("cut"),
        BLOCKY("blocky");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind fromLabel(String label) {
            return Arrays.stream(values())
                    .filter(k -> k.label.equals(label))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown defect '" + label + "'; known: "
                            + Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "))));
        }
    }

    public Defect {
        if (kind == Kind.AUDIO_OFFSET ? Math.abs(amount) > 10_000 : amount < 0 || amount > 1) {
            throw new IllegalArgumentException(kind.label
                    + (kind == Kind.AUDIO_OFFSET
                            ? " must be within ±10000 ms: " + amount
                            : " strength must be between 0 and 1: " + amount));
        }
    }

    /** Parses {@code flicker}, {@code blur:0.8} or {@code audio-offset:-120}; a trailing {@code !} (persistent) is ignored here. */
    public static Defect parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT).replaceAll("!$", "");
        int colon = trimmed.indexOf(':');
        Kind kind = Kind.fromLabel(colon < 0 ? trimmed : trimmed.substring(0, colon));
        if (colon < 0) {
            if (kind == Kind.AUDIO_OFFSET) {
                throw new IllegalArgumentException("audio-offset needs milliseconds, e.g. audio-offset:200");
            }
            return new Defect(kind, DEFAULT_STRENGTH);
        }
        try {
            return new Defect(kind, Double.parseDouble(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("defect '" + text.strip() + "' needs a number after the colon", e);
        }
    }

    /** Strength 0–1, or milliseconds for {@link Kind#AUDIO_OFFSET}. */
    public double strength() {
        return amount;
    }
}
