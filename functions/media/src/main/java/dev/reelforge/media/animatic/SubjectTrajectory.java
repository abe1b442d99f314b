package dev.reelforge.media.animatic;

import java.util.List;

/**
 * Where the subject is at a moment of its beat. A fall is real projectile motion under the stage's gravity,
 * timed so that contact with the floor happens exactly at the scene's impact time; after it the subject bounces
 * with damping, or breaks into three pieces that skid apart.
 */
final class SubjectTrajectory {
    /** A subject about to tip rocks on its base, from rest (so its first frame does not jerk). */
    private static final double ROCK_RADIANS = 0.12;
    private static final double ROCK_RATE = 12;
    private static final double RESTITUTION = 0.42;
    private static final double FRICTION = 3.0;
    private static final double[] PIECE_SPREAD = {-0.95, 0.3, 1.05};
    private static final double[] PIECE_LIFT = {0.22, 0.34, 0.18};
    private static final double[] PIECE_SPIN = {-7, 5, 9};

    /** One drawn body: horizontal centre, the y of its lowest point, rotation (radians) and size factor. */
    record Part(double x, double bottomY, double angle, double scale) {}

    /** The subject's parts at time {@code t}, plus the y of the ledge a fall starts from (NaN when there is none). */
    record Pose(List<Part> parts, double ledgeY) {}

    private SubjectTrajectory() {}

    static Pose at(BeatScene scene, Stage stage, double t) {
        double local = Math.max(0, t - scene.startSeconds());
        double x = stage.width() * scene.subjectX();
        double floor = stage.floorY();
        return switch (scene.motion()) {
            case FALL -> fall(scene, stage, t, x);
            case SLIDE -> {
                double u = Math.min(1, local / scene.duration());
                double eased = u * u * (3 - 2 * u);
                double dx = scene.panDirection() * -0.5 * stage.shortSide() * (eased - 0.5);
                double radius = stage.subjectSize() * scene.sizeFactor() / 2;
                double angle = scene.shape() == SubjectShape.BALL ? dx / radius : 0;
                yield single(x + dx, floor, angle);
            }
            case ROTATE -> single(x, floor, 2 * Math.PI * 0.3 * local);
            case SWAY -> single(x, floor - 0.03 * stage.shortSide() * (0.5 - 0.5 * Math.cos(Math.PI * local)),
                    0.06 * Math.sin(2 * Math.PI * local / 2.5));
        };
    }

    private static Pose fall(BeatScene scene, Stage stage, double t, double x) {
        double g = stage.gravity();
        double impact = scene.impactSeconds();
        double height = stage.subjectSize() * scene.sizeFactor();
        double maxDrop = Math.max(0.25 * height, stage.floorY() - stage.topY() - height);
        double naturalFall = Math.sqrt(2 * maxDrop / g);
        double lead = impact - scene.startSeconds();
        double fallStart = Math.max(scene.startSeconds() + Math.min(0.3, 0.25 * lead), impact - naturalFall);
        double fallTime = impact - fallStart;
        double drop = 0.5 * g * fallTime * fallTime;
        double ledge = stage.floorY() - drop;
        double restAngle = scene.tips() ? Math.PI / 2 : 0;
        if (t < fallStart) {
            double wobble = scene.tips() ? ROCK_RADIANS * (1 - Math.cos(ROCK_RATE * (t - scene.startSeconds()))) / 2 : 0;
            return new Pose(List.of(new Part(x, ledge, wobble, 1)), ledge);
        }
        if (t < impact) {
            double tau = t - fallStart;
            return new Pose(List.of(new Part(x, ledge + 0.5 * g * tau * tau, restAngle * tau / fallTime, 1)), ledge);
        }
        double impactSpeed = g * fallTime;
        double since = t - impact;
        return new Pose(scene.shatters() ? pieces(x, stage, since, impactSpeed, restAngle) : bounce(x, stage, since, impactSpeed, restAngle), ledge);
    }

    private static List<Part> bounce(double x, Stage stage, double since, double impactSpeed, double angle) {
        double g = stage.gravity();
        double speed = impactSpeed * RESTITUTION;
        double tau = since;
        while (speed > 0.03 * impactSpeed) {
            double airborne = 2 * speed / g;
            if (tau < airborne) {
                return List.of(new Part(x, stage.floorY() - (speed * tau - 0.5 * g * tau * tau), angle, 1));
            }
            tau -= airborne;
            speed *= RESTITUTION;
        }
        return List.of(new Part(x, stage.floorY(), angle, 1));
    }

    private static List<Part> pieces(double x, Stage stage, double since, double impactSpeed, double angle) {
        double g = stage.gravity();
        double skid = (1 - Math.exp(-FRICTION * since)) / FRICTION;
        Part[] parts = new Part[PIECE_SPREAD.length];
        for (int i = 0; i < parts.length; i++) {
            double lift = PIECE_LIFT[i] * impactSpeed;
            double airborne = 2 * lift / g;
            double tau = Math.min(since, airborne);
            double y = stage.floorY() - (lift * tau - 0.5 * g * tau * tau);
            double px = x + PIECE_SPREAD[i] * 0.9 * stage.shortSide() * skid;
            parts[i] = new Part(px, y, angle + PIECE_SPIN[i] * skid, 0.5);
        }
        return List.of(parts);
    }

    private static Pose single(double x, double bottomY, double angle) {
        return new Pose(List.of(new Part(x, bottomY, angle, 1)), Double.NaN);
    }
}
