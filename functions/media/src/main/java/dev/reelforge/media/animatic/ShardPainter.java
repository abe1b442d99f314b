package dev.reelforge.media.animatic;

/**
 * Draws a broken piece: its convex outline filled in the subject's colour, its face lit from the light's side and
 * its broken edge (the outline's rim) darker, with a small contact shadow when it rests near the floor.
 */
final class ShardPainter {
    private ShardPainter() {}

    static void paint(Canvas canvas, Stage stage, int color, double lightSide, SubjectTrajectory.Shard shard) {
        double cos = Math.cos(shard.angle());
        double sin = Math.sin(shard.angle());
        int n = shard.xs().length;
        double[] px = new double[n];
        double[] py = new double[n];
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            px[i] = shard.x() + shard.xs()[i] * cos - shard.ys()[i] * sin;
            py[i] = shard.y() + shard.xs()[i] * sin + shard.ys()[i] * cos;
            minX = Math.min(minX, px[i]);
            maxX = Math.max(maxX, px[i]);
            minY = Math.min(minY, py[i]);
            maxY = Math.max(maxY, py[i]);
        }
        double halfWidth = (maxX - minX) / 2;
        if (stage.floorY() - maxY < 0.1 * stage.shortSide()) {
            canvas.shadow(
                    shard.x() - lightSide * 0.15 * halfWidth,
                    stage.floorY(),
                    halfWidth * 1.15,
                    Math.max(2, halfWidth * 0.2),
                    0.35);
        }
        double rim = Math.max(1.0, 0.06 * Math.min(maxX - minX, maxY - minY));
        for (int y = (int) Math.floor(minY); y <= (int) Math.ceil(maxY); y++) {
            for (int x = (int) Math.floor(minX); x <= (int) Math.ceil(maxX); x++) {
                double inside = insideDistance(px, py, x + 0.5, y + 0.5);
                if (inside < 0) {
                    continue;
                }
                double light = 1.05 + 0.11 * (lightSide * (x - shard.x()) - (y - shard.y())) / Math.max(1, halfWidth);
                canvas.set(x, y, Canvas.lit(color, inside < rim ? 0.72 * light : light));
            }
        }
    }

    /** The distance from (x, y) to the nearest edge of the convex polygon, or −1 when the point lies outside. */
    private static double insideDistance(double[] px, double[] py, double x, double y) {
        int n = px.length;
        double nearest = Double.MAX_VALUE;
        double orientation = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            orientation += (px[j] - px[i]) * (py[j] + py[i]);
        }
        double sign = orientation < 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ex = px[j] - px[i];
            double ey = py[j] - py[i];
            double length = Math.hypot(ex, ey);
            if (length == 0) {
                continue;
            }
            double cross = sign * (ex * (y - py[i]) - ey * (x - px[i])) / length;
            if (cross < 0) {
                return -1;
            }
            nearest = Math.min(nearest, cross);
        }
        return nearest;
    }
}
