package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.ScenePlan;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Camera moves as the rendered frames show them: a locked-off shot does not move at all, a handheld one shakes by a
 * fraction of a percent, smoothly, a push-in enlarges the subject over its shot, and an orbit slides the wall behind
 * a subject that stays put and turns.
 */
class CameraMoveTest {
    private static final Stage STAGE = Stage.of(640, 360, 24);
    private static final double SECONDS = 4;

    @Test
    void lockedOff_theWallIsTheSamePixelsInEveryFrame() {
        Shot shot = shot("A red ball on a wooden floor. Camera: locked-off, static.");

        byte[] first = shot.wallRows(0.0);
        for (double t = 0.5; t < SECONDS; t += 0.5) {
            assertThat(Arrays.equals(shot.wallRows(t), first))
                    .as("the wall at %.1f s", t)
                    .isTrue();
        }
        assertThat(shot.camera.move()).isEqualTo(CameraMove.Move.STILL);
        assertThat(shot.camera.handheld()).isFalse();
    }

    @Test
    void handheld_shakesByLessThanOnePercentOfTheFrameAndSmoothly() {
        Shot shot = shot("A red ball on a wooden floor. Handheld camera.");
        double limit = 2 * CameraMove.SHAKE_SHARE * STAGE.shortSide() + 1;
        int largest = 0;
        double frame = 1.0 / STAGE.fps();
        for (double t = 0; t < SECONDS; t += 0.25) {
            int apart = shot.wallShift(0.0, t);
            int step = shot.wallShift(t, t + frame);
            largest = Math.max(largest, Math.abs(apart));
            assertThat(Math.abs(apart))
                    .as("shake at %.2f s against the start, px", t)
                    .isLessThanOrEqualTo((int) limit);
            assertThat(Math.abs(step))
                    .as("shake from one frame to the next at %.2f s, px", t)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(largest).as("the camera does shake").isPositive();
    }

    @Test
    void pushIn_enlargesTheSubjectOverTheShotAndKeepsItInFrame() {
        Shot shot = shot("Slow push-in on a red ball resting on a wooden floor.");

        int[] start = shot.redSpan(0.0);
        int[] end = shot.redSpan(SECONDS - 0.01);

        assertThat(shot.camera.move()).isEqualTo(CameraMove.Move.DOLLY_IN);
        assertThat((double) (end[1] - end[0]) / (start[1] - start[0]))
                .as("the ball's width, end against start")
                .isCloseTo(1 + CameraMove.DOLLY_ZOOM, within(0.08));
        assertThat((end[0] + end[1]) / 2.0).isBetween(0.2 * STAGE.width(), 0.8 * STAGE.width());
    }

    @Test
    void orbit_slidesTheWallBehindASubjectThatStays() {
        Shot shot = shot("The camera orbits a red ball resting on a wooden floor.");

        int[] start = shot.redSpan(0.0);
        int[] later = shot.redSpan(1.0);

        assertThat(shot.camera.move()).isEqualTo(CameraMove.Move.ORBIT);
        assertThat(Math.abs(shot.wallShift(0.0, 0.25))).as("the wall slides").isGreaterThan(2);
        assertThat((later[0] + later[1]) / 2.0)
                .as("the ball stays")
                .isCloseTo((start[0] + start[1]) / 2.0, within(3.0));
    }

    @Test
    void orbit_turnsTheSubject_aMugsHandleSwingsRound() {
        Shot shot = shot("The camera orbits a red mug standing on a wooden floor.");

        int[] side = shot.redSpan(0.0);
        int[] turned = shot.redSpan(3.0);

        assertThat(turned[1] - turned[0])
                .as(
                        "the mug's width with its handle, after the camera circled %.2f rad",
                        CameraMove.ORBIT_RADIANS_PER_SECOND * 3)
                .isLessThan((int) (0.9 * (side[1] - side[0])));
    }

    @Test
    void aShotsOwnMove_filmsOnlyThatShot() {
        Storyboard board = new Storyboard(
                "A red ball on a wooden floor.",
                List.of(
                        new Beat(0, 2, "Wide shot: the ball rests."),
                        new Beat(2, 4, "Close-up, slow push-in: the ball rests.")),
                List.of());
        ScenePlan plan = ScenePlan.of(board);
        List<BeatScene> scenes = ScenePlanner.plan(board, plan, 4, 9);
        Shot shot = new Shot(new FramePainter(STAGE, scenes, Cast.NONE, Filming.of(plan, 9)), CameraMove.STILL);

        int[] closeUpStart = shot.redSpan(2.0);
        int[] closeUpEnd = shot.redSpan(3.99);

        assertThat(Arrays.equals(shot.wallRows(0.2), shot.wallRows(1.8)))
                .as("the wide shot stays still")
                .isTrue();
        assertThat((double) (closeUpEnd[1] - closeUpEnd[0]) / (closeUpStart[1] - closeUpStart[0]))
                .as("the close-up pushes in")
                .isCloseTo(1 + CameraMove.DOLLY_ZOOM, within(0.08));
    }

    private static Shot shot(String description) {
        Storyboard board = new Storyboard(description, List.of(new Beat(0, SECONDS, "")), List.of());
        ScenePlan plan = ScenePlan.of(board);
        List<BeatScene> scenes = ScenePlanner.plan(board, plan, SECONDS, 9);
        CameraMove camera = CameraMove.of(plan.camera(), 9);
        return new Shot(
                new FramePainter(STAGE, scenes, Cast.of(plan, scenes.get(0).shape(), 9), camera), camera);
    }

    private record Shot(FramePainter painter, CameraMove camera) {
        Canvas frame(double t) {
            Canvas canvas = new Canvas(STAGE.width(), STAGE.height());
            painter.paint(canvas, painter.sceneAt(t), t);
            return canvas;
        }

        /** The top fifth of the frame: wall only. */
        byte[] wallRows(double t) {
            return Arrays.copyOf(frame(t).rgb, STAGE.width() * 3 * STAGE.height() / 5);
        }

        /** How far the wall's stripes moved from {@code a} to {@code b}, whole pixels. */
        int wallShift(double a, double b) {
            int y = (int) (STAGE.height() * 0.15);
            int[] rowA = row(frame(a), y);
            int[] rowB = row(frame(b), y);
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int s = -20; s <= 20; s++) {
                long cost = 0;
                for (int x = STAGE.width() / 5; x < STAGE.width() * 4 / 5; x++) {
                    cost += Math.abs(rowA[x] - rowB[x + s]);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = s;
                }
            }
            return best;
        }

        /** The first and last column of the red ball on the row through its middle. */
        int[] redSpan(double t) {
            Canvas canvas = frame(t);
            int[] best = {0, 0};
            for (int y = 0; y < STAGE.height(); y += 2) {
                int first = -1;
                int last = -1;
                for (int x = 0; x < STAGE.width(); x++) {
                    int i = (y * STAGE.width() + x) * 3;
                    int r = canvas.rgb[i] & 0xff;
                    int g = canvas.rgb[i + 1] & 0xff;
                    if (r > 120 && r > 2 * g) {
                        first = first < 0 ? x : first;
                        last = x;
                    }
                }
                if (first >= 0 && last - first > best[1] - best[0]) {
                    best = new int[] {first, last};
                }
            }
            return best;
        }

        private static int[] row(Canvas canvas, int y) {
            int[] luma = new int[canvas.width];
            for (int x = 0; x < canvas.width; x++) {
                int i = (y * canvas.width + x) * 3;
                luma[x] = (canvas.rgb[i] & 0xff) * 3 + (canvas.rgb[i + 1] & 0xff) * 6 + (canvas.rgb[i + 2] & 0xff);
            }
            return luma;
        }
    }
}
