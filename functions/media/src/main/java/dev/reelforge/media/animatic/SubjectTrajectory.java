package dev.reelforge.media.animatic;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the subject is at a moment of its beat. A fall is projectile motion under the stage's gravity, timed so that
 * contact with the floor happens exactly at the scene's impact time (the start of the fall is solved for it); what
 * follows the contact is a bounce with the material's restitution, or, when the subject breaks, an
 * {@link ImpactSimulation} of the stated number of pieces that scatter and settle. One instance per scene and stage,
 * since the simulation runs once.
 */
final class SubjectTrajectory {
    /** A subject about to tip rocks on its base, from rest (so its first frame does not jerk). */
    private static final double ROCK_RADIANS = 0.12;

    private static final double ROCK_RATE = 12;
    /** A slide or roll slows to a stop, as friction stops it, within this share of its beat… */
    private static final double SLIDE_TIME_SHARE = 0.7;
    /** …and travels this share of the frame's short side… */
    private static final double SLIDE_SHARE = 0.45;
    /** …but never closer to the frame's edge than this share of its width, so the subject stays in the safe area. */
    private static final double SLIDE_MARGIN = 0.15;
    /** Rebounds slower than this share of the impact speed are not drawn. */
    private static final double SMALLEST_HOP = 0.03;
    /** The longest aftermath simulated; later frames show the last, settled pose. */
    private static final double AFTERMATH_SECONDS = 10;

    /** One drawn body: horizontal centre, the y of its lowest point, rotation (radians) and size factor. */
    record Part(double x, double bottomY, double angle, double scale) {}

    /** A broken piece: its centre (pixels), rotation, and outline around the centre in its own frame (pixels, y down). */
    record Shard(double x, double y, double angle, double[] xs, double[] ys) {}

    /** The subject's parts and pieces at a moment, plus the y of the ledge a fall starts from (NaN when none). */
    record Pose(List<Part> parts, List<Shard> shards, double ledgeY) {
        Pose(List<Part> parts, double ledgeY) {
            this(parts, List.of(), ledgeY);
        }
    }

    private final BeatScene scene;
    private final Stage stage;
    private ImpactSimulation aftermath;

    private SubjectTrajectory(BeatScene scene, Stage stage) {
        this.scene = scene;
        this.stage = stage;
    }

    static SubjectTrajectory of(BeatScene scene, Stage stage) {
        return new SubjectTrajectory(scene, stage);
    }

    /** The pose at {@code t}; a convenience that simulates afresh, for tests and one-off poses. */
    static Pose at(BeatScene scene, Stage stage, double t) {
        return of(scene, stage).at(t);
    }

    Pose at(double t) {
        double local = Math.max(0, t - scene.startSeconds());
        double x = stage.width() * scene.subjectX();
        double floor = stage.floorY();
        return switch (scene.motion()) {
            case FALL -> fall(t, x);
            case SLIDE -> {
                double u = Math.min(1, local / (SLIDE_TIME_SHARE * scene.duration()));
                double eased = 1 - (1 - u) * (1 - u);
                double room = scene.travelDirection() > 0
                        ? (1 - SLIDE_MARGIN) * stage.width() - x
                        : x - SLIDE_MARGIN * stage.width();
                double dx =
                        scene.travelDirection() * Math.max(0, Math.min(SLIDE_SHARE * stage.shortSide(), room)) * eased;
                double radius = stage.subjectHeight(scene.shape(), scene.sizeFactor()) / 2;
                double angle = scene.shape() == SubjectShape.BALL ? dx / radius : 0;
                yield single(x + dx, floor, angle);
            }
            case ROTATE -> single(x, floor, 2 * Math.PI * 0.3 * local);
            case SWAY ->
                single(
                        x,
                        floor - 0.03 * stage.shortSide() * (0.5 - 0.5 * Math.cos(Math.PI * local)),
                        0.06 * Math.sin(2 * Math.PI * local / 2.5));
        };
    }

    /**
     * The pose during {@code earlier}, a beat of the same shot before this trajectory's fall: the subject already
     * rests where the fall starts (on the ledge), so the world does not jump at the beat boundary, and what the earlier
     * beat says it does it does there: a slide or roll along the ledge that stops where the fall starts, a spin of
     * whole turns that ends as it began.
     */
    Pose approach(BeatScene earlier, double t) {
        Pose rest = at(scene.startSeconds());
        Part start = rest.parts().get(0);
        double local = Math.max(0, t - earlier.startSeconds());
        double u = Math.min(1, local / (SLIDE_TIME_SHARE * earlier.duration()));
        double eased = 1 - (1 - u) * (1 - u);
        return switch (earlier.motion()) {
            case SLIDE -> {
                double reach = Math.max(
                        0, Math.min(SLIDE_SHARE * stage.shortSide(), start.x() - SLIDE_MARGIN * stage.width()));
                double left = reach * (1 - eased);
                double radius = stage.subjectHeight(scene.shape(), scene.sizeFactor()) / 2;
                double angle = start.angle() - (scene.shape() == SubjectShape.BALL ? left / radius : 0);
                yield new Pose(List.of(new Part(start.x() - left, start.bottomY(), angle, 1)), rest.ledgeY());
            }
            case ROTATE -> {
                double turns = Math.max(1, Math.round(0.3 * earlier.duration()));
                yield new Pose(
                        List.of(new Part(start.x(), start.bottomY(), start.angle() + 2 * Math.PI * turns * eased, 1)),
                        rest.ledgeY());
            }
            default -> rest;
        };
    }

    private Pose fall(double t, double x) {
        double g = stage.gravity();
        double impact = scene.impactSeconds();
        double height = stage.subjectHeight(scene.shape(), scene.sizeFactor());
        double maxDrop = Math.max(0.25 * height, stage.floorY() - stage.topY() - height);
        double naturalFall = Math.sqrt(2 * maxDrop / g);
        double lead = impact - scene.startSeconds();
        double fallStart = Math.max(scene.startSeconds() + Math.min(0.3, 0.25 * lead), impact - naturalFall);
        double fallTime = impact - fallStart;
        double drop = 0.5 * g * fallTime * fallTime;
        double ledge = stage.floorY() - drop;
        double restAngle = scene.tips() ? Math.PI / 2 : 0;
        if (t < fallStart) {
            double rock = scene.tips() ? ROCK_RADIANS * (1 - Math.cos(ROCK_RATE * (t - scene.startSeconds()))) / 2 : 0;
            return new Pose(List.of(new Part(x, ledge, rock, 1)), ledge);
        }
        if (t < impact) {
            double tau = t - fallStart;
            return new Pose(List.of(new Part(x, ledge + 0.5 * g * tau * tau, restAngle * tau / fallTime, 1)), ledge);
        }
        return afterImpact(t - impact, x, g * fallTime, fallTime, restAngle, ledge);
    }

    private Pose afterImpact(
            double since, double x, double impactSpeed, double fallTime, double restAngle, double ledge) {
        if (!scene.shatters()) {
            return new Pose(List.of(new Part(x, bounce(since, impactSpeed, fallTime), restAngle, 1)), ledge);
        }
        double ppm = stage.pixelsPerMetre();
        double height = stage.subjectHeight(scene.shape(), scene.sizeFactor());
        double width = height * scene.shape().widthRatio;
        if (aftermath == null) {
            aftermath = ImpactSimulation.run(
                    width / ppm,
                    height / ppm,
                    Math.max(2, scene.pieces()),
                    impactSpeed / ppm,
                    scene.material(),
                    AFTERMATH_SECONDS,
                    stage.fps(),
                    Double.doubleToLongBits(scene.impactSeconds()));
        }
        ImpactSimulation.BodyPose[] poses = aftermath.at(since);
        List<Shard> shards = new ArrayList<>(poses.length);
        for (int i = 0; i < poses.length; i++) {
            ImpactSimulation.Outline outline = aftermath.outlines().get(i);
            double[] xs = new double[outline.xs().length];
            double[] ys = new double[outline.ys().length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = outline.xs()[k] * ppm;
                ys[k] = -outline.ys()[k] * ppm;
            }
            shards.add(
                    new Shard(x + poses[i].x() * ppm, stage.floorY() - poses[i].y() * ppm, -poses[i].angle(), xs, ys));
        }
        return new Pose(List.of(), shards, ledge);
    }

    /**
     * The bottom's height while an intact subject bounces: each rebound keeps a share of the speed, the material's
     * restitution, or the one that makes the first rebound last until the next cued impact sound (a hop of
     * {@code 2ev/g}). Hops stop when they are too small to see, or would land after the beat (the next beat takes
     * over from rest). Closed form, so a landing's motion is the same on every frame rate.
     */
    private double bounce(double since, double impactSpeed, double fallTime) {
        double g = stage.gravity();
        double restitution = Double.isNaN(scene.reboundSeconds())
                ? scene.material().restitution
                : Math.max(0.05, Math.min(0.95, scene.reboundSeconds() / (2 * fallTime)));
        double speed = impactSpeed * restitution;
        double left = scene.endSeconds() - scene.impactSeconds();
        double tau = since;
        while (speed > SMALLEST_HOP * impactSpeed) {
            double airborne = 2 * speed / g;
            left -= airborne;
            if (left < 0) {
                break;
            }
            if (tau < airborne) {
                return stage.floorY() - (speed * tau - 0.5 * g * tau * tau);
            }
            tau -= airborne;
            speed *= restitution;
        }
        return stage.floorY();
    }

    private static Pose single(double x, double bottomY, double angle) {
        return new Pose(List.of(new Part(x, bottomY, angle, 1)), Double.NaN);
    }
}
