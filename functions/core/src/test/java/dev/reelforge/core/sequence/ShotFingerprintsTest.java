package dev.reelforge.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.Storyboard;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes two shots the same render: every input of the provider job, and a chained shot's predecessor. */
class ShotFingerprintsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Storyboard CHANGED_TWO = new Storyboard(
            ShotPlanTest.THREE_SHOTS.description(),
            List.of(
                    ShotPlanTest.THREE_SHOTS.beats().get(0),
                    new Beat(5, 10, "Close-up: the kettle whistles."),
                    ShotPlanTest.THREE_SHOTS.beats().get(2)),
            ShotPlanTest.THREE_SHOTS.audioCues());

    private static List<String> prints(Storyboard board, ModelCapabilities model, String reference, String sha) {
        return ShotFingerprints.of(ShotPlan.of(ShotPlanTest.request(board, List.of(), reference), model), model, sha);
    }

    private static ModelCapabilities unchained() throws IOException {
        ObjectNode root;
        try (var in = CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        for (var model : root.withArray("models")) {
            if (model.path("provider").asText().equals("animatic")) {
                ((ObjectNode) model).put("firstFrame", false);
            }
        }
        return CapabilityCatalog.parse(root).find("animatic", "animatic-1").orElseThrow();
    }

    @Test
    void of_sameStoryboard_sameFingerprints_oneEachDifferent() {
        List<String> once = prints(ShotPlanTest.THREE_SHOTS, ShotPlanTest.ANIMATIC, "", "");

        assertThat(prints(ShotPlanTest.THREE_SHOTS, ShotPlanTest.ANIMATIC, "", ""))
                .isEqualTo(once);
        assertThat(once).doesNotHaveDuplicates().allMatch(p -> p.matches("[0-9a-f]{64}"));
    }

    @Test
    void of_chainedShotTwoChanged_changesShotsTwoAndThree() {
        List<String> before = prints(ShotPlanTest.THREE_SHOTS, ShotPlanTest.ANIMATIC, "", "");
        List<String> after = prints(CHANGED_TWO, ShotPlanTest.ANIMATIC, "", "");

        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        assertThat(after.get(2)).as("chained after a changed shot").isNotEqualTo(before.get(2));
    }

    @Test
    void of_unchainedShotTwoChanged_changesOnlyShotTwo() throws IOException {
        ModelCapabilities model = unchained();
        List<String> before = prints(ShotPlanTest.THREE_SHOTS, model, "", "");
        List<String> after = prints(CHANGED_TWO, model, "", "");

        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        assertThat(after.get(2)).isEqualTo(before.get(2));
    }

    @Test
    void of_cueMovedWithinShotTwo_changesShotTwo() throws IOException {
        Storyboard moved = new Storyboard(
                ShotPlanTest.THREE_SHOTS.description(),
                ShotPlanTest.THREE_SHOTS.beats(),
                List.of(new AudioCue(7, "a soft whistle")));
        ModelCapabilities model = unchained();

        List<String> after = prints(moved, model, "", "");

        assertThat(after.get(1))
                .isNotEqualTo(prints(ShotPlanTest.THREE_SHOTS, model, "", "").get(1));
    }

    @Test
    void of_otherReferenceImage_changesTheShotsThatStartFromIt() throws IOException {
        ModelCapabilities model = unchained();
        List<String> a = prints(ShotPlanTest.THREE_SHOTS, model, "references/acme/a.png", "aa");
        List<String> b = prints(ShotPlanTest.THREE_SHOTS, model, "references/acme/a.png", "bb");
        List<String> chainedA = prints(ShotPlanTest.THREE_SHOTS, ShotPlanTest.ANIMATIC, "references/acme/a.png", "aa");
        List<String> chainedB = prints(ShotPlanTest.THREE_SHOTS, ShotPlanTest.ANIMATIC, "references/acme/a.png", "bb");

        assertThat(a).as("every unchained shot starts from the reference").doesNotContainAnyElementsOf(b);
        assertThat(chainedA).as("shot 1 starts from it, the others from shot 1").doesNotContainAnyElementsOf(chainedB);
    }

    @Test
    void of_defectAimedAtShotTwo_changesOnlyShotTwo() throws IOException {
        ModelCapabilities model = unchained();
        List<String> plain = prints(ShotPlanTest.THREE_SHOTS, model, "", "");

        List<String> aimed = ShotFingerprints.of(
                ShotPlan.of(ShotPlanTest.request(ShotPlanTest.THREE_SHOTS, List.of("blur:0.8@2"), ""), model),
                model,
                "");

        assertThat(aimed.get(0)).isEqualTo(plain.get(0));
        assertThat(aimed.get(1)).isNotEqualTo(plain.get(1));
        assertThat(aimed.get(2)).isEqualTo(plain.get(2));
    }
}
