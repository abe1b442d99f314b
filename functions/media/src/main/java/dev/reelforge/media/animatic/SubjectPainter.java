package dev.reelforge.media.animatic;

/**
 * Draws a subject part as a flat-shaded solid lit from above and the light's side, with a contact shadow on the
 * floor cast away from the light. Each
 * pixel of the bounding box is rotated into the body's frame and tested against the shape, so any angle works.
 */
final class SubjectPainter {
    private SubjectPainter() {}

    static void paint(
            Canvas canvas,
            Stage stage,
            SubjectShape shape,
            int color,
            double sizeFactor,
            double lightSide,
            SubjectTrajectory.Part part) {
        paint(canvas, stage, shape, color, sizeFactor, lightSide, 0, part);
    }

    /**
     * Paints the subject turned by {@code yaw} radians about its vertical axis, as an orbiting camera sees it: a mug's
     * handle swings round (in front of the body, then behind it), a box shows its side face.
     */
    static void paint(
            Canvas canvas,
            Stage stage,
            SubjectShape shape,
            int color,
            double sizeFactor,
            double lightSide,
            double yaw,
            SubjectTrajectory.Part part) {
        double halfHeight = stage.subjectHeight(shape, sizeFactor) * part.scale() / 2;
        double halfWidth = halfHeight * shape.widthRatio;
        double cos = Math.cos(part.angle());
        double sin = Math.sin(part.angle());
        double extent = Math.abs(cos) * halfHeight + Math.abs(sin) * halfWidth;
        double cx = part.x();
        double cy = part.bottomY() - extent;
        double height = stage.floorY() - part.bottomY();
        double depth = 0.45 * Math.max(0, 1 - height / (0.6 * stage.shortSide()));
        canvas.shadow(
                cx - lightSide * 0.12 * halfWidth,
                stage.floorY(),
                halfWidth * 1.25,
                Math.max(2, halfHeight * 0.16),
                depth);
        double reach = Math.hypot(halfWidth * 1.5, halfHeight) + 1;
        for (int y = (int) (cy - reach); y <= (int) (cy + reach); y++) {
            for (int x = (int) (cx - reach); x <= (int) (cx + reach); x++) {
                double dx = x - cx;
                double dy = y - cy;
                double u = (dx * cos + dy * sin) / halfWidth;
                double v = (-dx * sin + dy * cos) / halfHeight;
                double tone = tone(shape, u, v, halfWidth / halfHeight, yaw);
                if (!Double.isNaN(tone)) {
                    double light = 1.08 - 0.28 * (-lightSide * dx + dy) / reach;
                    canvas.set(x, y, Canvas.lit(color, light * tone));
                }
            }
        }
    }

    /** Brightness factor of the body at local coordinates (u, v in −1…1 of half width/height), or NaN outside. */
    private static double tone(SubjectShape shape, double u, double v, double aspect, double yaw) {
        switch (shape) {
            case BALL -> {
                double r = u * u + v * v;
                if (r > 1) {
                    return Double.NaN;
                }
                double highlight = Math.max(0, 1 - ((u + 0.4) * (u + 0.4) + (v + 0.4) * (v + 0.4)) * 6);
                return 0.85 + 0.15 * Math.sqrt(1 - r) + 0.5 * highlight;
            }
            case BOX -> {
                if (Math.abs(u) > 1 || Math.abs(v) > 1) {
                    return Double.NaN;
                }
                double front = Math.abs(Math.cos(yaw));
                double corner = -1 + 2 * front / (front + Math.abs(Math.sin(yaw)));
                boolean edge = Math.abs(u) > 0.94
                        || Math.abs(v) > 0.95
                        || Math.abs(v - 0.0) < 0.04
                        || corner < 0.94 && Math.abs(u - corner) < 0.04;
                return edge ? 0.6 : v < -0.55 ? 1.15 : u > corner ? 0.8 : 1.0;
            }
            case BOTTLE -> {
                if (Math.abs(v) > 1) {
                    return Double.NaN;
                }
                double half = v < -0.5 ? 0.34 : v < -0.12 ? 0.34 + 0.66 * Math.sin(Math.PI / 2 * (v + 0.5) / 0.38) : 1;
                if (Math.abs(u) > half) {
                    return Double.NaN;
                }
                double round = 1.12 - 0.35 * (u / half) * (u / half);
                return v < -0.86 ? 0.55 : v > 0.1 && v < 0.5 ? 1.25 : round;
            }
            case GLASS -> {
                double half = v < 0.62 ? 0.78 + 0.22 * (-v + 0.62) / 1.62 : 0.86;
                if (Math.abs(v) > 1 || Math.abs(u) > half) {
                    return Double.NaN;
                }
                boolean rim = v < -0.9;
                boolean base = v > 0.86;
                boolean glint = u < -0.45 * half && u > -0.62 * half && v > -0.7 && v < 0.4;
                return rim ? 1.25 : base ? 0.8 : glint ? 1.4 : 1.02 - 0.12 * (u / half) * (u / half);
            }
            case MUG, CYLINDER -> {
                double rimRy = 0.22 * aspect;
                boolean rim = u * u + Math.pow((v + 1) / rimRy, 2) <= 1;
                boolean base = u * u + Math.pow((v - 1) / rimRy, 2) <= 1;
                boolean body = Math.abs(u) <= 1 && Math.abs(v) <= 1;
                if (shape == SubjectShape.MUG) {
                    double side = Math.cos(yaw);
                    double hu = (u - 1.15 * side) / (0.45 * Math.max(0.25, Math.abs(side)));
                    double hv = (v + 0.05) / (0.42 / aspect * 0.6);
                    double r = hu * hu + hv * hv;
                    boolean handle = r <= 1 && r >= 0.35;
                    if (handle && Math.sin(yaw) > 0.2) {
                        return 0.8;
                    }
                    if (!body && !rim && !base) {
                        return handle ? 0.8 : Double.NaN;
                    }
                }
                if (rim) {
                    return u * u + Math.pow((v + 1) / (rimRy * 0.75), 2) <= 0.7 ? 0.45 : 1.2;
                }
                return body || base ? 1.1 - 0.35 * u * u : Double.NaN;
            }
            default -> {
                double corner = 0.35;
                double qu = Math.max(0, Math.abs(u) - (1 - corner));
                double qv = Math.max(0, Math.abs(v) - (1 - corner));
                if (Math.abs(u) > 1 || Math.abs(v) > 1 || qu * qu + qv * qv > corner * corner) {
                    return Double.NaN;
                }
                return 1.0 - 0.12 * v;
            }
        }
    }
}
