package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.PromptRevision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The animatic's simulated obedience: a prompt or instruction carrying a defect's fix removes that defect. */
class DefectFixTest {
    private static GenerationSpec spec(String prompt, String instruction, String... defects) {
        GenerationSpec base = AnimaticSpecs.portrait(1, defects);
        return new GenerationSpec(
                prompt, base.storyboard(), base.settings(), "animatic", 1, base.defects(), "", instruction);
    }

    @Test
    void forSpec_noFix_keepsEveryDefect() {
        assertThat(DefectSet.forSpec(spec("a mug falls", "", "blur", "flicker")).defects())
                .hasSize(2);
    }

    @Test
    void forSpec_editInstructionForBlur_dropsBlurOnly() {
        String fix = PromptRevision.editInstruction(
                new Check("blur", false, 7, 5.6, "px", "", ""), AnimaticSpecs.storyboard());
        DefectSet set = DefectSet.forSpec(spec("a mug falls", fix, "blur", "flicker"));
        assertThat(set.has(Defect.Kind.BLUR)).isFalse();
        assertThat(set.has(Defect.Kind.FLICKER)).isTrue();
    }

    @Test
    void forSpec_revisedPromptForTwoChecks_dropsBoth() {
        String revised = PromptRevision.revisedPrompt(
                "a mug falls",
                List.of(
                        new Check("frozen", false, 1, 0.4, "s", "", ""),
                        new Check("av-sync", false, 400, 80, "ms", "", "")),
                AnimaticSpecs.storyboard());
        assertThat(DefectSet.forSpec(spec(revised, "", "freeze", "audio-offset:300"))
                        .defects())
                .isEmpty();
    }

    @Test
    void forSpec_persistentDefect_ignoresTheFix() {
        String fix = PromptRevision.editInstruction(
                new Check("blur", false, 7, 5.6, "px", "", ""), AnimaticSpecs.storyboard());
        assertThat(DefectSet.forSpec(spec("a mug falls", fix, "blur!")).has(Defect.Kind.BLUR))
                .isTrue();
    }
}
