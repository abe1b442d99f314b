package dev.reelforge.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.function.Predicate;

/** The frame shapes Reelforge renders; conservative on purpose: generators misbehave at unusual ratios. */
public enum AspectRatio {
    PORTRAIT_9_16("9:16", 9, 16),
    LANDSCAPE_16_9("16:9", 16, 9);

    private final String label;
    private final int width;
    private final int height;

    AspectRatio(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /** The request's own spelling, which is also its JSON form in the workflow state. */
    @JsonValue
    public String label() {
        return label;
    }

    public int widthUnits() {
        return width;
    }

    public int heightUnits() {
        return height;
    }

    /**
     * The value a workflow state holds: the request's label, or the constant's name, which states written before
     * the labels became the JSON form hold.
     */
    @JsonCreator
    static AspectRatio fromWire(String wire) {
        return find(v -> v.label.equals(wire) || v.name().equals(wire), wire);
    }

    public static AspectRatio fromLabel(String label) {
        return find(v -> v.label.equals(label), label);
    }

    private static AspectRatio find(Predicate<AspectRatio> matches, String value) {
        return Arrays.stream(values())
                .filter(matches)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported aspect ratio " + value));
    }
}
