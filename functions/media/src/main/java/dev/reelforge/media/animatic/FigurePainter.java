package dev.reelforge.media.animatic;

/**
 * Draws a person, an animal or a bird of the {@link Cast} as a flat-shaded silhouette of recognisable parts: a
 * person's head, hair, torso, arms, legs and feet in the colours of what they wear (a dress flares from the waist to
 * the knees); a four-legged animal's body, head, ears, legs and tail; a bird's body, wing, head, beak and tail. Lit
 * from the light's side like every subject, with a contact shadow cast away from it. Each pixel of the bounding box
 * is rotated into the body's frame (units of half its height, y down), so a figure can tip and fall like any subject.
 */
final class FigurePainter {
    private static final int EYE = 0x1C1A1A;

    private FigurePainter() {}

    /**
     * Paints {@code figure} {@code height} pixels tall standing on {@code part}'s bottom at {@code part}'s x, facing
     * right when {@code facing} is positive.
     */
    static void paint(
            Canvas canvas,
            Stage stage,
            Figure figure,
            double height,
            double lightSide,
            int facing,
            SubjectTrajectory.Part part) {
        paint(canvas, stage, figure, height, lightSide, facing, Double.NaN, part);
    }

    /**
     * Paints {@code figure} walking, its legs {@code stride} radians into their swing (NaN: standing still): a
     * person's legs swing from the hips in turn, an animal's pairs of legs in opposite phase.
     */
    static void paint(
            Canvas canvas,
            Stage stage,
            Figure figure,
            double height,
            double lightSide,
            int facing,
            double stride,
            SubjectTrajectory.Part part) {
        double halfHeight = height / 2;
        double ratio = figure.kind().widthRatio;
        double halfWidth = halfHeight * ratio;
        double cos = Math.cos(part.angle());
        double sin = Math.sin(part.angle());
        double extent = Math.abs(cos) * halfHeight + Math.abs(sin) * halfWidth;
        double cx = part.x();
        double cy = part.bottomY() - extent;
        double lift = stage.floorY() - part.bottomY();
        double depth = 0.4 * Math.max(0, 1 - lift / (0.6 * stage.shortSide()));
        canvas.shadow(
                cx - lightSide * 0.15 * halfWidth,
                stage.floorY(),
                halfWidth * 1.1,
                Math.max(2, halfHeight * 0.07),
                depth);
        double reach = Math.hypot(halfWidth, halfHeight) + 1;
        double mirror = facing < 0 ? -1 : 1;
        for (int y = (int) (cy - reach); y <= (int) (cy + reach); y++) {
            for (int x = (int) (cx - reach); x <= (int) (cx + reach); x++) {
                double dx = x - cx;
                double dy = y - cy;
                double u = mirror * (dx * cos + dy * sin) / halfHeight;
                double v = (-dx * sin + dy * cos) / halfHeight;
                if (Math.abs(u) > ratio || Math.abs(v) > 1) {
                    continue;
                }
                int colour = switch (figure.kind()) {
                    case PERSON -> person(figure, u, v, stride);
                    case BIRD -> bird(figure, u, v);
                    default -> animal(figure, u, v, stride);
                };
                if (colour != Figure.NONE) {
                    double light = 1.06 - 0.2 * (-lightSide * dx) / reach - 0.06 * v;
                    canvas.set(x, y, Canvas.lit(colour, light));
                }
            }
        }
    }

    /** A standing person, facing the camera: the colour at (u, v), or NONE outside them. */
    static int person(Figure f, double u, double v, double stride) {
        double au = Math.abs(u);
        if (f.hat() != Figure.NONE && (v < -0.9 && au < 0.14 || v >= -0.91 && v < -0.88 && au < 0.2)) {
            return f.hat();
        }
        double hx = u;
        double hy = v + 0.82;
        boolean face = hx * hx + hy * hy <= 0.115 * 0.115;
        boolean hairCap = hx * hx + (hy + 0.02) * (hy + 0.02) <= 0.13 * 0.13 && hy < -0.04;
        boolean longHair = f.longHair() && au < 0.14 && v > -0.86 && v < -0.6 && !face;
        if (hairCap || longHair) {
            return f.hair();
        }
        if (face) {
            return au > 0.03 && au < 0.06 && Math.abs(hy + 0.01) < 0.014 ? EYE : f.skin();
        }
        if (au < 0.04 && v >= -0.71 && v < -0.66) {
            return f.skin();
        }
        if (v >= -0.67 && v < 0.02) {
            double shoulders = 0.19 - 0.035 * (v + 0.67) / 0.69;
            if (au <= shoulders) {
                return f.body();
            }
            if (au > shoulders + 0.01 && au < shoulders + 0.08 && v > -0.64) {
                return f.body();
            }
        }
        if (v >= 0.02 && v < 0.1 && au > 0.17 && au < 0.235) {
            return f.skin();
        }
        if (f.dress() && v >= 0.02 && v < 0.56 && au <= 0.155 + 0.17 * (v - 0.02) / 0.54) {
            return f.body();
        }
        if (!Double.isNaN(stride) && v >= 0.02) {
            for (int side = -1; side <= 1; side += 2) {
                double leg = side * 0.075 + side * 0.45 * Math.sin(stride) * (v - 0.02);
                if (Math.abs(u - leg) < (v < 0.93 ? 0.062 : 0.085)) {
                    return v < 0.93 ? f.legs() : f.feet();
                }
            }
            return Figure.NONE;
        }
        if (v >= 0.02 && v < 0.93 && au > 0.012 && au < 0.145 - 0.02 * v) {
            return f.legs();
        }
        if (v >= 0.93 && au > 0.012 && au < 0.17) {
            return f.feet();
        }
        return Figure.NONE;
    }

    /** A four-legged animal in profile, facing +u (1.55 half-heights wide): the colour at (u, v), or NONE. */
    static int animal(Figure f, double u, double v, double stride) {
        double bx = (u + 0.15) / 0.92;
        double by = (v - 0.05) / 0.4;
        if (bx * bx + by * by <= 1) {
            return f.body();
        }
        double hx = u - 1.05;
        double hy = v + 0.42;
        if (hx * hx + hy * hy <= 0.3 * 0.3) {
            return hx > 0.02 && hx < 0.12 && Math.abs(hy + 0.06) < 0.05 ? EYE : f.body();
        }
        double sx = (u - 1.3) / 0.16;
        double sy = (v + 0.32) / 0.12;
        if (sx * sx + sy * sy <= 1) {
            return f.legs();
        }
        if (v < -0.62 && v > -0.92 && Math.abs(u - 0.98 - 0.12 * (v + 0.62) / -0.3) < 0.09 * (v + 0.92) / 0.3 + 0.01) {
            return f.legs();
        }
        double nx = (u - 0.72) / 0.3;
        double ny = (v + 0.15) / 0.32;
        if (nx * nx + ny * ny <= 1) {
            return f.body();
        }
        if (v > 0.25 && v <= 1) {
            double[] legs = {-0.85, -0.58, 0.42, 0.68};
            for (int k = 0; k < legs.length; k++) {
                double swing = Double.isNaN(stride) ? 0 : 0.3 * Math.sin(stride + (k % 2) * Math.PI) * (v - 0.25);
                if (Math.abs(u - legs[k] - swing) < 0.08) {
                    return v > 0.9 ? f.legs() : f.body();
                }
            }
        }
        double t = Math.max(0, Math.min(1, (-u - 1.0) / 0.45));
        double tailU = -1.0 - 0.45 * t;
        double tailV = -0.05 - 0.55 * t * t;
        if (u < -0.95 && Math.hypot(u - tailU, v - tailV) < 0.07) {
            return f.body();
        }
        return Figure.NONE;
    }

    /** A perched bird in profile, facing +u (1.2 half-heights wide): the colour at (u, v), or NONE. */
    static int bird(Figure f, double u, double v) {
        double wx = (u + 0.1) / 0.55;
        double wy = (v - 0.05) / 0.3;
        if (wx * wx + wy * wy <= 1) {
            return f.hair();
        }
        double bx = u / 0.78;
        double by = (v - 0.1) / 0.5;
        if (bx * bx + by * by <= 1) {
            return f.body();
        }
        double hx = u - 0.62;
        double hy = v + 0.42;
        if (hx * hx + hy * hy <= 0.3 * 0.3) {
            return hx > 0.05 && hx < 0.15 && Math.abs(hy + 0.05) < 0.05 ? EYE : f.body();
        }
        if (u >= 0.88 && u < 1.2 && Math.abs(v + 0.4) < 0.09 * (1.2 - u) / 0.32) {
            return f.legs();
        }
        if (u < -0.65 && u > -1.2 && Math.abs(v - 0.05 + 0.35 * (u + 0.65)) < 0.12 + 0.1 * (-u - 0.65)) {
            return f.hair();
        }
        if (v > 0.55 && (Math.abs(u - 0.12) < 0.035 || Math.abs(u + 0.12) < 0.035)) {
            return f.legs();
        }
        return Figure.NONE;
    }
}
