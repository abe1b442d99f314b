package dev.reelforge.media.animatic;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the beat's subject looks like, read from its words; width is relative to the subject's height. */
enum SubjectShape {
    MUG(0.72, "mugs?"),
    CYLINDER(0.62, "cups?|glass(es)?|bottles?|cans?|vases?|jars?"),
    BALL(1.0, "balls?|spheres?|oranges?|apples?"),
    BOX(1.15, "box(es)?|crates?|packages?|parcels?|books?"),
    BLOCK(0.9, "");

    final double widthRatio;
    private final Pattern words;

    SubjectShape(double widthRatio, String words) {
        this.widthRatio = widthRatio;
        this.words = Pattern.compile("\\b(" + words + ")\\b");
    }

    /** Where the first subject noun of {@code text} is: {start, end}, or null when none is named. */
    static int[] nounIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] first = null;
        for (SubjectShape shape : values()) {
            if (shape == BLOCK) {
                continue;
            }
            var matcher = shape.words.matcher(lower);
            if (matcher.find() && (first == null || matcher.start() < first[0])) {
                first = new int[] {matcher.start(), matcher.end()};
            }
        }
        return first;
    }

    static SubjectShape fromText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (SubjectShape shape : values()) {
            if (shape != BLOCK && shape.words.matcher(lower).find()) {
                return shape;
            }
        }
        return BLOCK;
    }
}
