package dev.reelforge.media.animatic;

/**
 * Everything needed to draw one beat: its span, where its shot began (the camera drifts from there), the subject
 * and its motion, when a fall lands, and the seeded look (colours, placement, camera pan direction: 0 for a still
 * camera).
 */
record BeatScene(
        double startSeconds,
        double endSeconds,
        double shotStartSeconds,
        String caption,
        SubjectShape shape,
        Motion motion,
        boolean tips,
        boolean shatters,
        double impactSeconds,
        Palette palette,
        double subjectX,
        double sizeFactor,
        int panDirection) {

    /** Colours of one beat; the light always comes from the top left. */
    record Palette(double hue, int wallTop, int wallBottom, int floor, int subject, double stripePeriod) {}

    boolean contains(double t) {
        return t >= startSeconds && t < endSeconds;
    }

    double duration() {
        return endSeconds - startSeconds;
    }
}
