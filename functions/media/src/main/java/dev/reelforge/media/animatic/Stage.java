package dev.reelforge.media.animatic;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Frame geometry in pixels: where the floor is, how big the subject is and how strong gravity is, all relative
 * to the frame's short side so a 9:16 and a 16:9 render frame the same scene. How many metres the short side spans
 * follows the shot the prompt asks for: a tabletop medium shot by default, more for a wide shot, less for a close-up.
 */
record Stage(
        int width,
        int height,
        double floorY,
        double topY,
        double subjectSize,
        double gravity,
        double panSpeed,
        int fps) {
    /** The frame's short side spans about this many metres of a tabletop medium shot. */
    static final double MEDIUM_METRES = 0.6;

    private static final double WIDE_METRES = 2.5;
    private static final double CLOSE_METRES = 0.35;
    private static final Pattern WIDE = Pattern.compile("\\b(wide|establishing|full)[- ]shot\\b|\\bwide angle\\b");
    private static final Pattern CLOSE = Pattern.compile("\\b(close[- ]?up|closeup|macro)\\b");

    static Stage of(int width, int height, int fps) {
        return of(width, height, fps, MEDIUM_METRES);
    }

    /** How many metres the frame's short side spans for a prompt whose scene description is {@code description}. */
    static double shortSideMetres(String description) {
        String lower = description.toLowerCase(Locale.ROOT);
        return WIDE.matcher(lower).find() ? WIDE_METRES : CLOSE.matcher(lower).find() ? CLOSE_METRES : MEDIUM_METRES;
    }

    /**
     * How many metres the short side must span for a fall from the top of the stage to last {@code fallSeconds}: a
     * creator who cues a bounce's second thud 0.7 s after the first asks for a drop of a metre or more, and the frame
     * widens to show all of it.
     */
    static double metresForFall(int width, int height, double fallSeconds) {
        Stage unit = of(width, height, 1, 1.0);
        double dropShare = (unit.floorY() - unit.topY() - unit.subjectSize()) / unit.shortSide();
        return 9.81 * fallSeconds * fallSeconds / (2 * dropShare);
    }

    static Stage of(int width, int height, int fps, double shortSideMetres) {
        int shortSide = Math.min(width, height);
        boolean portrait = height > width;
        double pixelsPerMetre = shortSide / shortSideMetres;
        double panSpeed = Math.max(0.04 * shortSide, 1.2 * fps);
        return new Stage(
                width,
                height,
                height * (portrait ? 0.70 : 0.74),
                height * 0.08,
                shortSide * 0.24,
                9.81 * pixelsPerMetre,
                panSpeed,
                fps);
    }

    /**
     * How tall a subject of {@code shape} is drawn at a framing's {@code sizeFactor}, pixels: the stage's subject size
     * in its shape's proportion (a person stands taller than a mug), never taller than most of the room above the floor.
     */
    double subjectHeight(SubjectShape shape, double sizeFactor) {
        return Math.min(subjectSize * sizeFactor * shape.heightRatio, 0.85 * (floorY - topY));
    }

    double pixelsPerMetre() {
        return gravity / 9.81;
    }

    int shortSide() {
        return Math.min(width, height);
    }
}
