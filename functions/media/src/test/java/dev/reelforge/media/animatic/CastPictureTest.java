package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.scene.ScenePlan;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * People and animals as the rendered picture shows them: the colours of what the prompt says they wear, where a
 * viewer would look for them, and each person of a cast a figure of their own inside the frame.
 */
class CastPictureTest {
    private static final Stage LANDSCAPE = Stage.of(640, 360, 12);
    private static final Stage PORTRAIT = Stage.of(360, 640, 12);

    @Test
    void womanInABlueDress_dressIsBlueAndHerFaceIsNot() {
        Frame frame = render(PORTRAIT, "A woman in a blue dress stands in a bright studio.");

        assertThat(frame.scene.shape()).isEqualTo(SubjectShape.PERSON);
        assertThat(hue(frame.at(0, 0.3))).as("the dress below the waist").isBetween(205.0, 235.0);
        assertThat(hue(frame.at(0, -0.3))).as("the dress's bodice").isBetween(205.0, 235.0);
        assertThat(saturation(frame.at(0, 0.3))).isGreaterThan(0.5f);
        assertThat(hue(frame.at(0, -0.8))).as("her face").isLessThan(60.0);
    }

    @Test
    void manInARedJacketAndBlackTrousers_jacketIsRedAndTrousersDark() {
        Frame frame = render(LANDSCAPE, "A man in a red jacket and black trousers waits by the door.");

        int jacket = frame.at(0, -0.3);
        assertThat(hue(jacket))
                .as("the jacket")
                .satisfiesAnyOf(
                        h -> assertThat(h).isLessThan(15.0), h -> assertThat(h).isGreaterThan(345.0));
        assertThat(saturation(jacket)).isGreaterThan(0.5f);
        assertThat(brightness(frame.at(0.08, 0.6))).as("a trouser leg").isLessThan(0.25f);
    }

    @Test
    void threePeople_areThreeFiguresInTheirOwnColoursInsideTheFrame() {
        Frame frame = render(
                LANDSCAPE,
                "A woman in a yellow dress, a man in a green shirt and a boy in a purple t-shirt"
                        + " stand together in a studio.");

        List<Integer> xs = new ArrayList<>();
        for (double hue : new double[] {50, 125, 275}) {
            int x = frame.columnOfHueOnRow(frame.rowAt(-0.3), hue);
            assertThat(x).as("a torso of hue %s", hue).isBetween((int) (0.05 * 640), (int) (0.95 * 640));
            xs.add(x);
        }
        assertThat(xs).doesNotHaveDuplicates();
        assertThat(Math.abs(xs.get(0) - xs.get(1))).isGreaterThan(20);
        assertThat(Math.abs(xs.get(1) - xs.get(2))).isGreaterThan(20);
    }

    @Test
    void twoWomenDressedOtherwise_areTwoFiguresInTheirOwnDresses() {
        Frame frame = render(LANDSCAPE, "A woman in a blue dress talks to a woman in a green coat in a studio.");

        int blue = frame.columnOfHueOnRow(frame.rowAt(-0.3), 220);
        int green = frame.columnOfHueOnRow(frame.rowAt(-0.3), 125);

        assertThat(blue).as("the blue dress").isPositive();
        assertThat(green).as("the green coat").isPositive();
        assertThat(Math.abs(blue - green)).isGreaterThan(20);
    }

    @Test
    void namedPeople_areFiguresThatGoByTheirNames() {
        ScenePlan plan =
                ScenePlan.of(board("Maya, a woman in a blue dress, and Tom, a man in a grey suit, stand in a studio."));

        Cast cast = Cast.of(plan, SubjectShape.PERSON, 1);

        assertThat(cast.lead().name()).isEqualTo("Maya");
        assertThat(cast.extras()).extracting(Figure::name).containsExactly("Tom");
    }

    @Test
    void fivePeopleAndMore_castsFiveDistinctFigures() {
        ScenePlan plan = ScenePlan.of(board("Seven dancers rehearse on a stage."));

        Cast cast = Cast.of(plan, SubjectShape.PERSON, 3);

        assertThat(1 + cast.extras().size()).isEqualTo(Cast.MAX_PEOPLE);
        List<Figure> all = new ArrayList<>(cast.extras());
        all.add(cast.lead());
        assertThat(all).extracting(Figure::body).doesNotHaveDuplicates();
    }

    @Test
    void blackCat_isDrawnInItsCoatBesideAMug() {
        Frame frame = render(LANDSCAPE, "A white mug on a table, a black cat watches it.");

        assertThat(frame.scene.shape()).isEqualTo(SubjectShape.MUG);
        assertThat(frame.cast.extras())
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(SubjectShape.ANIMAL));
        int darkest = frame.darkestOnRow((int)
                (LANDSCAPE.floorY() - 0.25 * LANDSCAPE.subjectHeight(SubjectShape.ANIMAL, frame.scene.sizeFactor())));
        assertThat(darkest).as("the cat's coat darkens the floor-level row").isLessThan(60);
    }

    @Test
    void breedsAndBirdsAndPeopleByTheirTrade_areCastAsWhatTheyAre() {
        ScenePlan plan =
                ScenePlan.of(board("A golden retriever naps beside a grandmother while a seagull lands on a bench."));

        Cast cast = Cast.of(plan, SubjectShape.ANIMAL, 1);

        assertThat(cast.lead().name()).isEqualTo("dog");
        assertThat(cast.extras()).extracting(Figure::kind).containsExactly(SubjectShape.PERSON, SubjectShape.BIRD);
    }

    @Test
    void theCutDefectsCutaway_isAnotherPlaceWithNoneOfTheCast() {
        Frame frame = render(LANDSCAPE, "A woman in a blue dress stands in a bright studio.");
        Canvas elsewhere = new Canvas(LANDSCAPE.width(), LANDSCAPE.height());
        new FramePainter(LANDSCAPE, List.of(frame.scene), frame.cast, CameraMove.STILL)
                .paint(elsewhere, ScenePlanner.cutaway(frame.scene), 0.0);

        Frame cutaway = new Frame(LANDSCAPE, elsewhere, frame.scene, frame.cast);
        assertThat(cutaway.columnOfHueOnRow(frame.rowAt(0.3), 220))
                .as("no blue dress in the cutaway")
                .isEqualTo(-1);
    }

    @Test
    void aWalkingPerson_swingsHerLegsApart_whileAStandingOneKeepsThemTogether() {
        Figure woman = Cast.of(ScenePlan.of(board("A woman in black trousers.")), SubjectShape.PERSON, 1)
                .lead();

        assertThat(FigurePainter.person(woman, 0.4, 0.85, Double.NaN))
                .as("standing: nothing out at the side")
                .isEqualTo(Figure.NONE);
        assertThat(FigurePainter.person(woman, 0.4, 0.85, Math.PI / 2))
                .as("mid-stride: a leg out there")
                .isEqualTo(woman.legs());
        assertThat(FigurePainter.person(woman, -0.4, 0.85, Math.PI / 2))
                .as("and the other leg")
                .isEqualTo(woman.legs());
        assertThat(FigurePainter.person(woman, 0.0, 0.85, Math.PI / 2))
                .as("between them")
                .isEqualTo(Figure.NONE);
    }

    private static Storyboard board(String prompt) {
        return new Storyboard(prompt, List.of(new Beat(0, 3, prompt)), List.of());
    }

    private static Frame render(Stage stage, String prompt) {
        Storyboard board = board(prompt);
        ScenePlan plan = ScenePlan.of(board);
        List<BeatScene> scenes = ScenePlanner.plan(board, plan, 3, 5);
        BeatScene scene = scenes.get(0);
        BeatScene uncaptioned = new BeatScene(
                scene.startSeconds(),
                scene.endSeconds(),
                scene.shotStartSeconds(),
                "",
                scene.shape(),
                scene.motion(),
                scene.tips(),
                scene.shatters(),
                scene.pieces(),
                scene.material(),
                scene.impactSeconds(),
                scene.reboundSeconds(),
                scene.palette(),
                scene.subjectX(),
                scene.sizeFactor(),
                scene.panDirection(),
                scene.travelDirection());
        Cast cast = Cast.of(plan, uncaptioned.shape(), 5);
        Canvas canvas = new Canvas(stage.width(), stage.height());
        new FramePainter(stage, List.of(uncaptioned), cast, CameraMove.STILL).paint(canvas, uncaptioned, 0.0);
        return new Frame(stage, canvas, uncaptioned, cast);
    }

    private record Frame(Stage stage, Canvas canvas, BeatScene scene, Cast cast) {
        /** The colour at body coordinates (u, v: half-heights, v from −1 at the head to 1 at the feet) of the lead. */
        int at(double u, double v) {
            double half = stage.subjectHeight(scene.shape(), scene.sizeFactor()) / 2;
            int x = (int) Math.round(stage.width() * scene.subjectX() + u * half);
            return pixel(x, rowAt(v));
        }

        int rowAt(double v) {
            double half = stage.subjectHeight(scene.shape(), scene.sizeFactor()) / 2;
            return (int) Math.round(stage.floorY() - half + v * half);
        }

        int pixel(int x, int y) {
            int i = (y * canvas.width + x) * 3;
            return ((canvas.rgb[i] & 0xff) << 16) | ((canvas.rgb[i + 1] & 0xff) << 8) | (canvas.rgb[i + 2] & 0xff);
        }

        /** The middle of the widest run of saturated pixels within 15° of {@code hue} on row {@code y}, or −1. */
        int columnOfHueOnRow(int y, double hue) {
            int bestStart = -1;
            int bestLength = 0;
            int start = -1;
            for (int x = 0; x <= canvas.width; x++) {
                boolean match = x < canvas.width
                        && saturation(pixel(x, y)) > 0.4f
                        && Math.abs(((hue(pixel(x, y)) - hue + 540) % 360) - 180) < 15;
                if (match && start < 0) {
                    start = x;
                } else if (!match && start >= 0) {
                    if (x - start > bestLength) {
                        bestLength = x - start;
                        bestStart = start;
                    }
                    start = -1;
                }
            }
            return bestStart < 0 ? -1 : bestStart + bestLength / 2;
        }

        int darkestOnRow(int y) {
            int darkest = 255;
            for (int x = 0; x < canvas.width; x++) {
                int c = pixel(x, y);
                darkest = Math.min(darkest, Math.max((c >> 16) & 0xff, Math.max((c >> 8) & 0xff, c & 0xff)));
            }
            return darkest;
        }
    }

    private static double hue(int rgb) {
        return 360.0 * hsb(rgb)[0];
    }

    private static float saturation(int rgb) {
        return hsb(rgb)[1];
    }

    private static float brightness(int rgb) {
        return hsb(rgb)[2];
    }

    private static float[] hsb(int rgb) {
        return Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
    }
}
