package dev.reelforge.media.animatic;

import dev.reelforge.core.scene.Camera;
import java.util.SplittableRandom;

/**
 * How the camera films each shot, from the scene plan's camera: still (locked-off, static, or no move named), a pan
 * (the world slides past, at the pan direction {@link ScenePlanner} chose), a dolly-in or push-in (the frame closes
 * in on the subject over the shot, eased at both ends), a dolly-out or pull-back (the reverse), an orbit (the wall
 * behind slides while the subject stays where it is and turns, the parallax of a camera circling it), and, for a handheld
 * camera, a small shake on top of any move: a sum of slow seeded sines, a fraction of a percent of the frame, with
 * the picture enlarged a little so its edges never show. A still camera leaves every frame exactly as drawn.
 */
final class CameraMove {
    /** How much closer a dolly-in ends than it starts (a 25 % larger subject). */
    static final double DOLLY_ZOOM = 0.25;
    /** The handheld shake's largest offset, as a share of the frame's short side. */
    static final double SHAKE_SHARE = 0.006;
    /** The handheld shake's largest roll, radians. */
    static final double SHAKE_ROLL = 0.003;
    /** How fast the wall slides behind an orbiting camera, relative to a pan. */
    static final double ORBIT_PARALLAX = 1.6;
    /** How fast an orbiting camera circles the subject, radians per second. */
    static final double ORBIT_RADIANS_PER_SECOND = 0.45;

    private static final double SHAKE_MARGIN = 1.03;
    private static final double[] SHAKE_HERTZ = {0.45, 0.9, 1.7};

    /** The camera's move over a shot, as the animatic draws it. */
    enum Move {
        STILL,
        PAN,
        DOLLY_IN,
        DOLLY_OUT,
        ORBIT
    }

    static final CameraMove STILL = new CameraMove(Move.STILL, false, new double[6]);

    private final Move move;
    private final boolean handheld;
    private final double[] phases;

    private CameraMove(Move move, boolean handheld, double[] phases) {
        this.move = move;
        this.handheld = handheld;
        this.phases = phases;
    }

    /** The move of the plan's {@code camera}; a static camera neither moves nor shakes, whatever else the prompt says. */
    static CameraMove of(Camera camera, long seed) {
        Move move = switch (camera.move()) {
            case PAN, TRACKING, CRANE -> Move.PAN;
            case DOLLY_IN, ZOOM -> Move.DOLLY_IN;
            case DOLLY_OUT -> Move.DOLLY_OUT;
            case ORBIT -> Move.ORBIT;
            case STATIC, TILT, UNSPECIFIED -> Move.STILL;
        };
        boolean shakes = camera.stability() == Camera.Stability.HANDHELD && camera.move() != Camera.Move.STATIC;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5A4EL);
        double[] phases = new double[6];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = 2 * Math.PI * random.nextDouble();
        }
        return new CameraMove(move, shakes, phases);
    }

    Move move() {
        return move;
    }

    boolean handheld() {
        return handheld;
    }

    /** Whether the picture is drawn as it is: no zoom and no shake (a pan or an orbit only slides the world). */
    boolean keepsThePicture() {
        return !handheld && move != Move.DOLLY_IN && move != Move.DOLLY_OUT;
    }

    /**
     * How far the subject has turned, as the camera sees it, {@code seconds} into a shot whose slide goes
     * {@code direction} (−1, 0, +1): an orbit turns it, no other move does.
     */
    double yaw(double seconds, int direction) {
        return move == Move.ORBIT ? direction * ORBIT_RADIANS_PER_SECOND * seconds : 0;
    }

    /** How much larger the picture is shown {@code progress} (0–1) through its shot. */
    double zoom(double progress) {
        double u = Math.max(0, Math.min(1, progress));
        double eased = u * u * (3 - 2 * u);
        double dolly = switch (move) {
            case DOLLY_IN -> 1 + DOLLY_ZOOM * eased;
            case DOLLY_OUT -> 1 + DOLLY_ZOOM * (1 - eased);
            default -> 1;
        };
        return dolly * (handheld ? SHAKE_MARGIN : 1);
    }

    /** The shake at {@code t}: {x offset, y offset} in shares of the short side and a roll in radians; zero when steady. */
    double[] shake(double t) {
        if (!handheld) {
            return new double[3];
        }
        double[] out = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            double sum = 0;
            for (int k = 0; k < SHAKE_HERTZ.length; k++) {
                sum += Math.sin(2 * Math.PI * SHAKE_HERTZ[k] * (1 + 0.1 * axis) * t
                                + phases[(axis * 2 + k) % phases.length])
                        / (k + 1);
            }
            out[axis] = sum / 1.84 * (axis == 2 ? SHAKE_ROLL : SHAKE_SHARE);
        }
        return out;
    }

    /**
     * Films the drawn picture in {@code canvas} {@code progress} through its shot at clip time {@code t}: zoomed
     * about ({@code cx}, {@code cy}), the subject's place, and shaken; {@code scratch} is a buffer of the canvas's size.
     */
    void film(Canvas canvas, byte[] scratch, double progress, double t, double cx, double cy) {
        if (keepsThePicture()) {
            return;
        }
        double k = zoom(progress);
        double[] shake = shake(t);
        int shortSide = Math.min(canvas.width, canvas.height);
        double dx = shake[0] * shortSide;
        double dy = shake[1] * shortSide;
        double cos = Math.cos(-shake[2]) / k;
        double sin = Math.sin(-shake[2]) / k;
        System.arraycopy(canvas.rgb, 0, scratch, 0, scratch.length);
        int w = canvas.width;
        int h = canvas.height;
        byte[] out = canvas.rgb;
        double maxX = w - 1.001;
        double maxY = h - 1.001;
        for (int y = 0; y < h; y++) {
            double py = y - cy - dy;
            double px = -cx - dx;
            double sx = cx + cos * px - sin * py;
            double sy = cy + sin * px + cos * py;
            int o = y * w * 3;
            for (int x = 0; x < w; x++, sx += cos, sy += sin, o += 3) {
                double cxs = sx < 0 ? 0 : sx > maxX ? maxX : sx;
                double cys = sy < 0 ? 0 : sy > maxY ? maxY : sy;
                int x0 = (int) cxs;
                int y0 = (int) cys;
                int fx = (int) ((cxs - x0) * 256);
                int fy = (int) ((cys - y0) * 256);
                int i00 = (y0 * w + x0) * 3;
                int i01 = i00 + w * 3;
                for (int c = 0; c < 3; c++) {
                    int top = (scratch[i00 + c] & 0xff) * (256 - fx) + (scratch[i00 + 3 + c] & 0xff) * fx;
                    int bottom = (scratch[i01 + c] & 0xff) * (256 - fx) + (scratch[i01 + 3 + c] & 0xff) * fx;
                    out[o + c] = (byte) ((top * (256 - fy) + bottom * fy + (1 << 15)) >> 16);
                }
            }
        }
    }
}
