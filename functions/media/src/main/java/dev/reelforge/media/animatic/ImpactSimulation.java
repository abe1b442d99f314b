package dev.reelforge.media.animatic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dyn4j.dynamics.Body;
import org.dyn4j.geometry.Convex;
import org.dyn4j.geometry.Geometry;
import org.dyn4j.geometry.MassType;
import org.dyn4j.geometry.Vector2;
import org.dyn4j.world.World;

/**
 * What happens after a subject breaks on the floor, simulated with dyn4j (a maintained 2D rigid-body engine): it
 * becomes the stated number of pieces that scatter, tumble, rock and settle, with the material's restitution and
 * friction against the floor. The
 * simulation runs once per shot in metres and seconds, in fixed steps, so it is deterministic for a seed; each
 * video frame reads the bodies' poses at its time.
 */
final class ImpactSimulation {
    private static final int STEPS_PER_FRAME = 8;
    private static final double FLOOR_HALF_WIDTH = 50;
    /**
     * How far a piece skids on the floor, metres: a shard's sliding stops within {@code v² / 2μg}, so its speed
     * follows from the distance. Pieces of a tabletop drop land within a step of it, which keeps them in a frame
     * whose short side spans 0.6 m.
     */
    private static final double MIN_SKID_METRES = 0.04;

    private static final double MAX_SKID_METRES = 0.14;

    /** One body's pose at a frame: centre (metres, y up, x relative to the impact point) and rotation (radians). */
    record BodyPose(double x, double y, double angle) {}

    /** A body's outline in its own frame (metres), for drawing. */
    record Outline(double[] xs, double[] ys) {}

    private final List<Outline> outlines;
    private final List<BodyPose[]> frames;
    private final double fps;

    private ImpactSimulation(List<Outline> outlines, List<BodyPose[]> frames, double fps) {
        this.outlines = List.copyOf(outlines);
        this.frames = frames;
        this.fps = fps;
    }

    /**
     * Simulates {@code seconds} after a subject {@code width × height} metres hits the floor at {@code speed} m/s and
     * breaks into {@code pieces}: bands of its wall, base to rim, that fly apart, skid, rock and settle.
     */
    static ImpactSimulation run(
            double width,
            double height,
            int pieces,
            double speed,
            Material material,
            double seconds,
            int fps,
            long seed) {
        World<Body> world = new World<>();
        world.setGravity(0, -9.81);
        world.getSettings().setStepFrequency(1.0 / (fps * STEPS_PER_FRAME));
        Body floor = new Body();
        floor.addFixture(Geometry.createRectangle(2 * FLOOR_HALF_WIDTH, 1), 1, material.friction, material.restitution);
        floor.translate(0, -0.5);
        floor.setMass(MassType.INFINITE);
        world.addBody(floor);
        List<Body> bodies = new ArrayList<>();
        List<Outline> outlines = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED5L);
        double band = height / pieces;
        for (int i = 0; i < pieces; i++) {
            Convex shard = shard(width * (0.75 + 0.25 * random.nextDouble()), band * 0.9, random);
            Body body = body(world, shard, material, (random.nextDouble() - 0.5) * 0.2 * width, band * (i + 0.55));
            double side = i % 2 == 0 ? 1 : -1;
            double reach = MIN_SKID_METRES + (MAX_SKID_METRES - MIN_SKID_METRES) * random.nextDouble();
            double skidSpeed = Math.sqrt(2 * material.friction * 9.81 * reach);
            body.setLinearVelocity(
                    side * Math.min(0.45 * speed, skidSpeed), speed * (0.08 + 0.1 * random.nextDouble()));
            body.setAngularVelocity(-side * (3 + 5 * random.nextDouble()));
            bodies.add(body);
            outlines.add(outline(shard));
        }
        int frameCount = (int) Math.ceil(seconds * fps) + 1;
        List<BodyPose[]> frames = new ArrayList<>(frameCount);
        for (int f = 0; f < frameCount; f++) {
            BodyPose[] poses = new BodyPose[bodies.size()];
            for (int b = 0; b < poses.length; b++) {
                var transform = bodies.get(b).getTransform();
                poses[b] = new BodyPose(
                        transform.getTranslationX(), transform.getTranslationY(), transform.getRotationAngle());
            }
            frames.add(poses);
            world.step(STEPS_PER_FRAME);
        }
        return new ImpactSimulation(outlines, frames, fps);
    }

    /** The bodies' poses {@code since} seconds after the impact (the last frame simulated after its end). */
    BodyPose[] at(double since) {
        int frame = (int) Math.round(Math.max(0, since) * fps);
        return frames.get(Math.min(frames.size() - 1, frame));
    }

    List<Outline> outlines() {
        return outlines;
    }

    private static Body body(World<Body> world, Convex shape, Material material, double x, double y) {
        Body body = new Body();
        body.addFixture(shape, material.density * 1000, material.friction, material.restitution);
        body.setMass(MassType.NORMAL);
        body.translate(x, y);
        body.setLinearDamping(0.05);
        body.setAngularDamping(0.6);
        world.addBody(body);
        return body;
    }

    /**
     * A piece of the subject's curved wall: a circular segment (arc side down, a broken edge peaking above its
     * chord) about {@code width} wide and {@code height} deep; the peak's place varies, so no two pieces match. Curved pieces rock
     * before they settle, as shards of a mug or a glass do.
     */
    private static Convex shard(double width, double height, SplittableRandom random) {
        int arcPoints = 13;
        double halfSpan = width / 2;
        double depth = Math.min(height, 0.9 * halfSpan);
        double radius = (halfSpan * halfSpan + depth * depth) / (2 * depth);
        double half = Math.asin(Math.min(1, halfSpan / radius));
        Vector2[] corners = new Vector2[arcPoints + 1];
        for (int i = 0; i < arcPoints; i++) {
            double a = -half + 2 * half * i / (arcPoints - 1);
            corners[i] = new Vector2(radius * Math.sin(a), radius - radius * Math.cos(a));
        }
        corners[arcPoints] =
                new Vector2((random.nextDouble() - 0.5) * 0.6 * halfSpan, depth * (1.05 + 0.25 * random.nextDouble()));
        Convex polygon = Geometry.createPolygon(reverseIfClockwise(corners));
        polygon.translate(polygon.getCenter().getNegative());
        return polygon;
    }

    private static Vector2[] reverseIfClockwise(Vector2[] points) {
        double area = 0;
        for (int i = 0; i < points.length; i++) {
            Vector2 a = points[i];
            Vector2 b = points[(i + 1) % points.length];
            area += a.x * b.y - b.x * a.y;
        }
        if (area > 0) {
            return points;
        }
        Vector2[] reversed = new Vector2[points.length];
        for (int i = 0; i < points.length; i++) {
            reversed[i] = points[points.length - 1 - i];
        }
        return reversed;
    }

    private static Outline outline(Convex shape) {
        if (shape instanceof org.dyn4j.geometry.Polygon polygon) {
            Vector2[] vertices = polygon.getVertices();
            double[] xs = new double[vertices.length];
            double[] ys = new double[vertices.length];
            for (int i = 0; i < vertices.length; i++) {
                xs[i] = vertices[i].x;
                ys[i] = vertices[i].y;
            }
            return new Outline(xs, ys);
        }
        throw new IllegalArgumentException("only polygons are drawn as outlines: " + shape);
    }
}
