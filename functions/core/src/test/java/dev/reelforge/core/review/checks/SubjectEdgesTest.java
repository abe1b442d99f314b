package dev.reelforge.core.review.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.FrameThumbnails;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class SubjectEdgesTest {
    private static final int W = 86;
    private static final int H = 48;

    @Test
    void of_shadedBackgroundWithoutEdges_hasNoEdgePixels() {
        // A blurred background: bright at the left, dark at the right, brighter in the middle row (curved shading).
        FrameThumbnails shading = frame((x, y) -> (int) Math.round(
                230 * (1 - (double) x / (W - 1)) * (0.8 + 0.2 * Math.cos(Math.PI * (y - H / 2.0) / H))));

        SubjectEdges edges = SubjectEdges.of(FramePictures.of(shading, 1), 1);

        assertThat(edges.share[0]).isLessThan(SceneChecks.NO_DETAIL);
    }

    @Test
    void of_texturedSquareAtTheRightEdge_locatesItThere() {
        FrameThumbnails square = frame((x, y) -> x >= 74 && y >= 18 && y < 30 ? ((x + y) % 2 == 0 ? 200 : 60) : 100);

        SubjectEdges edges = SubjectEdges.of(FramePictures.of(square, 1), 1);

        assertThat(edges.share[0]).isGreaterThan(SceneChecks.NO_DETAIL);
        assertThat(edges.centroidX[0]).isGreaterThan(1 - SceneChecks.TITLE_SAFE_MARGIN);
        assertThat(edges.centroidY[0]).isCloseTo(0.5, within(0.05));
    }

    @Test
    void of_framesBeyondTheThumbnails_haveNoEdgesAndACentredCentroid() {
        FrameThumbnails one = frame((x, y) -> (x / 4 + y / 4) % 2 == 0 ? 220 : 20);

        SubjectEdges edges = SubjectEdges.of(FramePictures.of(one, 3), 3);

        assertThat(edges.share[0]).isGreaterThan(0.2);
        assertThat(edges.share[2]).isZero();
        assertThat(edges.centroidX[2]).isEqualTo(0.5);
        assertThat(edges.centroidY[2]).isEqualTo(0.5);
    }

    /** One grey thumbnail frame whose luma at (x, y) is {@code luma}. */
    private static FrameThumbnails frame(IntBinaryOperator luma) {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                byte value = (byte) Math.max(0, Math.min(255, luma.applyAsInt(x, y)));
                int at = (y * W + x) * 3;
                rgb[at] = value;
                rgb[at + 1] = value;
                rgb[at + 2] = value;
            }
        }
        return new FrameThumbnails(W, H, rgb);
    }
}
