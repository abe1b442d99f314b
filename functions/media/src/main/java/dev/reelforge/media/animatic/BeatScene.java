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
     * Colours of the world (the same in every beat of a storyboard), the side the light comes from (−1 left, +1
     * right), and the colour of the liquid the subject holds, {@link #NO_LIQUID} when it holds none.
     */
    record Palette(
            double hue,
            int wallTop,
            int wallBottom,
            int floor,
            int subject,
            double stripePeriod,
            int table,
            double lightSide,
            int liquid) {
        static final int NO_LIQUID = -1;

        Palette(
                double hue,
                int wallTop,
                int wallBottom,
                int floor,
                int subject,
                double stripePeriod,
                int table,
                double lightSide) {
            this(hue, wallTop, wallBottom, floor, subject, stripePeriod, table, lightSide, NO_LIQUID);
        }
    }

    boolean contains(double t) {
        return t >= startSeconds && t < endSeconds;
    }

    double duration() {
        return endSeconds - startSeconds;
    }
}
