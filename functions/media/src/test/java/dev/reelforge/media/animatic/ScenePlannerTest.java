package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenePlannerTest {
    @Test
    void impactTime_impactCueInsideBeat_landsOnTheCue() {
        Beat beat = new Beat(2, 4, "the glass drops");

        assertThat(ScenePlanner.impactTime(
                        beat, List.of(new AudioCue(1.0, "thud"), new AudioCue(3.2, "glass shatters"))))
                .isEqualTo(3.2);
    }

    @Test
    void impactTime_noImpactCue_landsBeforeTheBeatEnds() {
        Beat beat = new Beat(2, 4, "the glass drops");

        assertThat(ScenePlanner.impactTime(beat, List.of(new AudioCue(3.0, "birdsong"))))
                .isCloseTo(3.7, within(1e-9));
    }

    @Test
    void plan_beatWords_chooseShapeAndMotion() {
        Storyboard board = new Storyboard(
                "",
                List.of(
                        new Beat(0, 1, "A ball rolls across the floor"),
                        new Beat(1, 2, "The box spins slowly"),
                        new Beat(2, 3, "The cup tips over and shatters"),
                        new Beat(3, 4, "A lamp glows")),
                List.of());

        List<BeatScene> scenes = ScenePlanner.plan(board, 4, 1);

        assertThat(scenes)
                .extracting(BeatScene::shape)
                .containsExactly(SubjectShape.BALL, SubjectShape.BOX, SubjectShape.MUG, SubjectShape.BALL);
        assertThat(scenes)
                .extracting(BeatScene::motion)
                .containsExactly(Motion.SLIDE, Motion.ROTATE, Motion.FALL, Motion.SWAY);
        assertThat(scenes.get(2).shatters()).isTrue();
        assertThat(scenes.get(2).tips()).isTrue();
    }

    @Test
    void plan_mugDropPrompt_drawsOneWorldWithTheStatedColourMaterialLightAndPieces() {
        Storyboard board = new Storyboard(
                "A heavy white ceramic mug (about 350 g, glazed stoneware) on a wooden kitchen table, "
                        + "window light from the right. Camera: locked-off tripod, no movement.",
                List.of(
                        new Beat(0, 2, "the mug rests near the table edge"),
                        new Beat(2, 4, "the mug tips over the edge and falls onto the terracotta tile floor"),
                        new Beat(4, 6, "it shatters into four large pieces that skid and settle")),
                List.of(new AudioCue(3.2, "hard ceramic impact")));

        List<BeatScene> scenes = ScenePlanner.plan(board, 6, 7);

        assertThat(scenes)
                .extracting(BeatScene::palette)
                .containsOnly(scenes.get(0).palette());
        assertThat(scenes).extracting(BeatScene::shotStartSeconds).containsOnly(0.0);
        BeatScene.Palette palette = scenes.get(0).palette();
        assertThat(palette.subject()).isEqualTo(0xF0EFEA);
        assertThat(palette.floor()).isEqualTo(0xB8623B);
        assertThat(palette.table()).isEqualTo(0x9A6B41);
        assertThat(palette.lightSide()).isEqualTo(1.0);
        BeatScene fall = scenes.get(1);
        assertThat(fall.material()).isEqualTo(Material.CERAMIC);
        assertThat(fall.shatters()).as("the next beat of the shot breaks it").isTrue();
        assertThat(fall.pieces()).isEqualTo(4);
        assertThat(fall.impactSeconds()).isEqualTo(3.2);
    }

    @Test
    void plan_aPersonBesideTheSubject_doesNotLendItHerColour() {
        Storyboard board = new Storyboard(
                "A woman in a blue dress stands by a counter.",
                List.of(
                        new Beat(0, 2, "a glass of milk rests on the counter"),
                        new Beat(2, 4, "the glass falls to the floor")),
                List.of());

        List<BeatScene> scenes = ScenePlanner.plan(board, 4, 1);

        assertThat(scenes).extracting(BeatScene::shape).containsOnly(SubjectShape.GLASS);
        assertThat(scenes.get(0).palette().subject())
                .as("a clear glass, not her blue")
                .isEqualTo(WorldLook.colour("glass"));
        assertThat(scenes.get(0).palette().liquid()).isNotEqualTo(BeatScene.Palette.NO_LIQUID);
    }

    @Test
    void plan_aPersonOrAnimalThatWalks_travels_butAMugBesideAWalkerStays() {
        Storyboard walker = new Storyboard(
                "A woman in a red coat in an empty studio.",
                List.of(new Beat(0, 3, "she walks across the studio")),
                List.of());
        Storyboard mug = new Storyboard(
                "A white mug on a table.", List.of(new Beat(0, 3, "a man walks past the table")), List.of());

        assertThat(ScenePlanner.plan(walker, 3, 1))
                .extracting(BeatScene::shape, BeatScene::motion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SubjectShape.PERSON, Motion.SLIDE));
        assertThat(ScenePlanner.plan(mug, 3, 1))
                .extracting(BeatScene::shape, BeatScene::motion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SubjectShape.MUG, Motion.SWAY));
    }

    @Test
    void plan_subjectFallsOncePerShot_andADropOfWaterIsNoFall() {
        Storyboard board = new Storyboard(
                "Macro close-up of a dew drop on a leaf",
                List.of(
                        new Beat(0, 2, "the drop trembles"),
                        new Beat(2, 4, "it falls off the leaf"),
                        new Beat(4, 6, "it falls again")),
                List.of());

        List<BeatScene> scenes = ScenePlanner.plan(board, 6, 3);

        assertThat(scenes).extracting(BeatScene::motion).containsExactly(Motion.SWAY, Motion.FALL, Motion.SWAY);
    }

    @Test
    void plan_aSubjectThatSlipsOffOrOnlyShatters_falls() {
        assertThat(Motion.fromText("a teacup slips off the saucer")).isEqualTo(Motion.FALL);
        assertThat(Motion.fromText("the vase shatters on the tiles")).isEqualTo(Motion.FALL);
        assertThat(Motion.fromText("the ball rolls across the floor")).isEqualTo(Motion.SLIDE);
        assertThat(Motion.fromText("the ball rolls off the table")).isEqualTo(Motion.FALL);
    }

    @Test
    void plan_differentSeeds_changeLookButNotTiming() {
        Storyboard board = AnimaticSpecs.storyboard();

        List<BeatScene> a = ScenePlanner.plan(board, 3, 1);
        List<BeatScene> b = ScenePlanner.plan(board, 3, 2);

        assertThat(a)
                .extracting(BeatScene::impactSeconds)
                .isEqualTo(b.stream().map(BeatScene::impactSeconds).toList());
        assertThat(a.get(0).palette()).isNotEqualTo(b.get(0).palette());
    }
}
