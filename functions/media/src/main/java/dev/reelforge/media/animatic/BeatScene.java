package dev.reelforge.media.animatic;

/**
 * Everything needed to draw one beat: its span, where its shot began (the camera drifts from there), the subject
 * and its motion and material, when a fall lands, how long its first rebound lasts (the time to the next impact
 * sound, NaN when none is cued) and into how many pieces it breaks, and the seeded look (colours, placement, camera
 * pan direction: 0 for a still camera; the direction a slide or roll travels).
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
        int pieces,
        Material material,
        double impactSeconds,
        double reboundSeconds,
        Palette palette,
        double subjectX,
        double sizeFactor,
        int panDirection,
        int travelDirection) {

    /**
     * Colours of the world (the same in every beat of a storyboard), and the side the light comes from: −1 left, +1
     * right.
     */
    record Palette(double hue, int wallTop, int wallBottom, int floor, int subject, double stripePeriod, int table,
            double lightSide) {}

    boolean contains(double t) {
        return t >= startSeconds && t < endSeconds;
    }

    double duration() {
        return endSeconds - startSeconds;
    }
}
