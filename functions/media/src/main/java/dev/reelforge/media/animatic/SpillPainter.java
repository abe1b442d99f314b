package dev.reelforge.media.animatic;

/**
 * What a subject holding a liquid leaves when it lands: a splash of droplets thrown up and out by the impact, falling
 * under the stage's gravity, and a puddle on the floor in front of the impact point that spreads quickly and then
 * slows as it thins (its radius approaches its final size exponentially). The puddle is three overlapping lobes that
 * grow at their own rates, so it is no perfect ellipse, with a highlight on the light's side. Water is translucent,
 * coffee, wine or milk nearly opaque.
 */
final class SpillPainter {
    /** The time constant of the puddle's spreading, seconds. */
    static final double SPREAD_SECONDS = 0.55;

    private static final double SPLASH_SECONDS = 0.6;
    private static final int DROPLETS = 8;
    private static final int WATER = 0x9CC8DE;

    private SpillPainter() {}

    /**
     * Paints the spill of {@code liquid} {@code since} seconds after a subject {@code subjectHeight} pixels tall landed
     * at {@code x}; nothing before the impact.
     */
    static void paint(
            Canvas canvas, Stage stage, int liquid, double x, double since, double subjectHeight, double lightSide) {
        if (since < 0) {
            return;
        }
        double full = Math.min(1.3 * subjectHeight, 0.3 * stage.width());
        double floor = stage.floorY();
        double alpha = liquid == WATER ? 0.55 : 0.88;
        double[][] lobes = {{0, 1, 1}, {0.38, 0.7, 0.6}, {-0.42, 0.6, 1.5}};
        for (double[] lobe : lobes) {
            double r = full * lobe[1] * (1 - Math.exp(-since / (SPREAD_SECONDS * lobe[2])));
            double ry = Math.max(1, 0.2 * r);
            canvas.blendEllipse(x + lobe[0] * r, floor + 0.85 * ry, r, ry, liquid, alpha);
        }
        double r = full * (1 - Math.exp(-since / SPREAD_SECONDS));
        canvas.blendEllipse(
                x + lightSide * 0.35 * r, floor + 0.12 * r, 0.3 * r, 0.05 * r, Canvas.lit(liquid, 1.5), 0.35);
        if (since < SPLASH_SECONDS) {
            double g = stage.gravity();
            for (int i = 0; i < DROPLETS; i++) {
                double side = i % 2 == 0 ? 1 : -1;
                double vx = side * subjectHeight * (0.6 + 0.15 * i);
                double vy = subjectHeight * (2.2 + 0.35 * ((i * 5) % 7));
                double dy = vy * since - 0.5 * g * since * since;
                if (dy < 0) {
                    continue;
                }
                double size = Math.max(1.5, subjectHeight * (0.035 - 0.002 * i));
                canvas.blendEllipse(x + vx * since, floor - 0.15 * subjectHeight - dy, size, size, liquid, alpha);
            }
        }
    }
}
