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

        assertThat(ScenePlanner.impactTime(beat, List.of(new AudioCue(1.0, "thud"), new AudioCue(3.2, "glass shatters"))))
                .isEqualTo(3.2);
    }

    @Test
    void impactTime_noImpactCue_landsBeforeTheBeatEnds() {
        Beat beat = new Beat(2, 4, "the glass drops");

        assertThat(ScenePlanner.impactTime(beat, List.of(new AudioCue(3.0, "birdsong")))).isCloseTo(3.7, within(1e-9));
    }

    @Test
    void plan_beatWords_chooseShapeAndMotion() {
        Storyboard board = new Storyboard("", List.of(
                new Beat(0, 1, "A ball rolls across the floor"),
                new Beat(1, 2, "The box spins slowly"),
                new Beat(2, 3, "The cup tips over and shatters"),
                new Beat(3, 4, "A lamp glows")), List.of());

        List<BeatScene> scenes = ScenePlanner.plan(board, 4, 1);

        assertThat(scenes).extracting(BeatScene::shape)
                .containsExactly(SubjectShape.BALL, SubjectShape.BOX, SubjectShape.CYLINDER, SubjectShape.BLOCK);
        assertThat(scenes).extracting(BeatScene::motion).containsExactly(Motion.SLIDE, Motion.ROTATE, Motion.FALL, Motion.SWAY);
        assertThat(scenes.get(2).shatters()).isTrue();
        assertThat(scenes.get(2).tips()).isTrue();
    }

    @Test
    void plan_differentSeeds_changeLookButNotTiming() {
        Storyboard board = AnimaticSpecs.storyboard();

        List<BeatScene> a = ScenePlanner.plan(board, 3, 1);
        List<BeatScene> b = ScenePlanner.plan(board, 3, 2);

        assertThat(a).extracting(BeatScene::impactSeconds).isEqualTo(b.stream().map(BeatScene::impactSeconds).toList());
        assertThat(a.get(0).palette()).isNotEqualTo(b.get(0).palette());
    }
}
