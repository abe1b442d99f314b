package dev.reelforge.media.animatic;

/**
 * Frame geometry in pixels: where the floor is, how big the subject is and how strong gravity is, all relative
 * to the frame's short side so a 9:16 and a 16:9 render frame the same scene.
 */
record Stage(int width, int height, double floorY, double topY, double subjectSize, double gravity, double panSpeed, int fps) {
    /** The frame's short side spans about this many metres of the scene. */
    private static final double SHORT_SIDE_METRES = 0.6;

    static Stage of(int width, int height, int fps) {
        int shortSide = Math.min(width, height);
        boolean portrait = height > width;
        double pixelsPerMetre = shortSide / SHORT_SIDE_METRES;
        double panSpeed = Math.max(0.04 * shortSide, 1.2 * fps);
        return new Stage(width, height, height * (portrait ? 0.70 : 0.74), height * 0.08, shortSide * 0.24,
                9.81 * pixelsPerMetre, panSpeed, fps);
    }

    double pixelsPerMetre() {
        return gravity / 9.81;
    }

    int shortSide() {
        return Math.min(width, height);
    }
}
