package dev.reelforge.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShotPlanTest {
    static final ModelCapabilities ANIMATIC = CapabilityCatalog.bundled(new ObjectMapper())
            .find("animatic", "animatic-1")
            .orElseThrow();

    static final Storyboard THREE_SHOTS = new Storyboard(
            "A red enamel kettle in a sunlit kitchen.",
            List.of(
                    new Beat(0, 5, "Wide shot: the kettle sits on the stove."),
                    new Beat(5, 10, "Close-up: steam rises from the spout."),
                    new Beat(10, 15, "Dissolve to a medium shot: a hand lifts the kettle.")),
            List.of(new AudioCue(6.5, "a soft whistle")));

    static RenderRequest request(Storyboard board, List<String> defects, String reference) {
        return new RenderRequest(
                "acme",
                "kettle-1",
                "unused: the storyboard is what counts",
                board,
                new RenderSettings(
                        AspectRatio.LANDSCAPE_16_9,
                        board.beats().get(board.beats().size() - 1).endSeconds(),
                        Resolution.R480P,
                        24,
                        1,
                        ""),
                new RenderRequest.ProviderChoice("animatic", "animatic-1"),
                5,
                3,
                RenderRequest.GiveUpPolicy.FAIL,
                defects,
                false,
                Map.of(),
                dev.reelforge.core.request.ReferenceSource.fromJson(
                        reference.isEmpty() ? null : new com.fasterxml.jackson.databind.node.TextNode(reference)));
    }

    @Test
    void of_threeShotStoryboard_oneShotPerJobTimedFromItsStart() {
        ShotPlan plan = ShotPlan.of(request(THREE_SHOTS, List.of(), ""), ANIMATIC);

        assertThat(plan.shots()).extracting(PlannedShot::index).containsExactly(1, 2, 3);
        PlannedShot second = plan.shots().get(1);
        assertThat(second.startSeconds()).isEqualTo(5);
        assertThat(second.storyboard().beats())
                .containsExactly(new Beat(0, 5, "Close-up: steam rises from the spout."));
        assertThat(second.storyboard().audioCues()).containsExactly(new AudioCue(1.5, "a soft whistle"));
        assertThat(second.prompt())
                .isEqualTo(
                        "A red enamel kettle in a sunlit kitchen.\n00:00–00:05: Close-up: steam rises from the spout."
                                + "\nAudio: a soft whistle at 00:01.500");
        assertThat(plan.totalSeconds()).isEqualTo(15);
    }

    @Test
    void of_dissolveInTheStoryboard_crossfadeElseCut() {
        ShotPlan plan = ShotPlan.of(request(THREE_SHOTS, List.of(), ""), ANIMATIC);

        assertThat(plan.shots())
                .extracting(PlannedShot::transitionIn)
                .containsExactly(Transition.CUT, Transition.CUT, Transition.CROSSFADE);
    }

    @Test
    void of_modelTakesAFirstFrame_laterShotsChainFromTheirPredecessor() {
        ShotPlan plan = ShotPlan.of(request(THREE_SHOTS, List.of(), ""), ANIMATIC);

        assertThat(plan.chained()).isTrue();
        assertThat(plan.shots()).extracting(PlannedShot::chainsFromPrevious).containsExactly(false, true, true);
    }

    @Test
    void of_targetedDefect_injectedIntoThatShotOnly() {
        ShotPlan plan = ShotPlan.of(request(THREE_SHOTS, List.of("blur:0.8@2", "flicker"), ""), ANIMATIC);

        assertThat(plan.shots())
                .extracting(PlannedShot::defects)
                .containsExactly(List.of("flicker"), List.of("blur:0.8", "flicker"), List.of("flicker"));
    }

    @Test
    void of_defectAimedPastTheLastShot_refusedNamingTheDefect() {
        assertThatThrownBy(() -> ShotPlan.of(request(THREE_SHOTS, List.of("blur@4"), ""), ANIMATIC))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("defects[0]");
                            assertThat(p.message()).contains("shot 4").contains("3 shots");
                        }));
    }

    @Test
    void of_shotShorterThanTheModelRenders_refusedNamingTheShot() {
        Storyboard board = new Storyboard(
                "A kettle.",
                List.of(new Beat(0, 5, "Wide shot: the kettle."), new Beat(5, 7, "Close-up: the spout.")),
                List.of());

        assertThatThrownBy(() -> ShotPlan.of(request(board, List.of(), ""), ANIMATIC))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("storyboard");
                            assertThat(p.message())
                                    .contains("shot 2 (00:05–00:07) runs 2 s")
                                    .contains("5–10 s");
                        }));
    }

    @Test
    void of_sequenceOverTwentySeconds_refused() {
        Storyboard board = new Storyboard(
                "A kettle.",
                List.of(
                        new Beat(0, 10, "Wide shot: the kettle."),
                        new Beat(10, 16, "Close-up: the spout."),
                        new Beat(16, 22, "Cut to the window.")),
                List.of());

        assertThatThrownBy(() -> ShotPlan.of(request(board, List.of(), ""), ANIMATIC))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at most 20 s")
                .hasMessageContaining("00:22");
    }

    @Test
    void requestFor_chainedShot_ownTimingAndNoReferenceImage() {
        ShotPlan plan =
                ShotPlan.of(request(THREE_SHOTS, List.of("blur:0.8@2"), "references/acme/kettle.png"), ANIMATIC);

        RenderRequest first = plan.requestFor(plan.shots().get(0));
        RenderRequest second = plan.requestFor(plan.shots().get(1));

        assertThat(first.referenceImage().key()).isEqualTo("references/acme/kettle.png");
        assertThat(second.referenceImage().isEmpty())
                .as("starts from shot 1's last frame instead")
                .isTrue();
        assertThat(second.settings().durationSeconds()).isEqualTo(5);
        assertThat(second.defects()).containsExactly("blur:0.8");
        assertThat(second.budgetUsd()).isEqualTo(5);
    }

    @Test
    void applies_lockedOffStoryboard_isOneShot() {
        Storyboard board = new Storyboard(
                "A mug on a counter, locked-off camera.",
                List.of(new Beat(0, 2, "The mug rests."), new Beat(2, 6, "Close-up: it tips and falls.")),
                List.of());

        assertThat(ShotPlan.rendersShotByShot(request(board, List.of(), ""))).isFalse();
        assertThat(ShotPlan.rendersShotByShot(request(THREE_SHOTS, List.of(), "")))
                .isTrue();
    }

    @Test
    void refuseTargetedDefects_singleShotRequest_namesTheDefect() {
        Storyboard board =
                new Storyboard("A mug, locked-off camera.", List.of(new Beat(0, 6, "The mug rests.")), List.of());

        assertThatThrownBy(() -> ShotPlan.refuseTargetedDefects(request(board, List.of("blur", "blur:0.8@2"), "")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("defects[1]")));
    }
}
