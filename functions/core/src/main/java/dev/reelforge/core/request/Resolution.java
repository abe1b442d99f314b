package dev.reelforge.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.function.Predicate;

/** Output heights by name; the frame size follows from the aspect ratio (the short side is the named height). */
public enum Resolution {
    R360P("360p", 360),
    R480P("480p", 480),
    R720P("720p", 720),
    R1080P("1080p", 1080);

    private final String label;
    private final int shortSide;

    Resolution(String label, int shortSide) {
        this.label = label;
        this.shortSide = shortSide;
    }

    /** The request's own spelling, which is also its JSON form in the workflow state. */
    @JsonValue
    public String label() {
        return label;
    }

    public int shortSide() {
        return shortSide;
    }

    /** Frame size for the aspect ratio, both sides even as H.264 4:2:0 needs. */
    public FrameSize frameSize(AspectRatio aspect) {
        int longSide = even(Math.round(shortSide * 16 / 9.0f));
        return aspect == AspectRatio.PORTRAIT_9_16
                ? new FrameSize(shortSide, longSide)
                : new FrameSize(longSide, shortSide);
    }

    private static int even(int n) {
        return n % 2 == 0 ? n : n + 1;
    }

    /**
     * The value a workflow state holds: the request's label, or the constant's name, which states written before
     * the labels became the JSON form hold.
     */
    @JsonCreator
    static Resolution fromWire(String wire) {
        return find(v -> v.label.equals(wire) || v.name().equals(wire), wire);
    }

    public static Resolution fromLabel(String label) {
        return find(v -> v.label.equals(label), label);
    }

    private static Resolution find(Predicate<Resolution> matches, String value) {
        return Arrays.stream(values())
                .filter(matches)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported resolution " + value));
    }
}
