package dev.reelforge.core.request;

import java.util.Arrays;

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

    public String label() {
        return label;
    }

    public int widthUnits() {
        return width;
    }

    public int heightUnits() {
        return height;
    }

    public static AspectRatio fromLabel(String label) {
        return Arrays.stream(values())
                .filter(a -> a.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported aspect ratio " + label));
    }
}
