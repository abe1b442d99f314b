package dev.reelforge.core.review.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.port.FrameSampler;
import dev.reelforge.core.port.VisualJudge;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipJudgingTest {
    private static final Path CLIP = Path.of("clip.mp4");
    private final ObjectMapper json = new ObjectMapper();
    private final RenderRequest request = new RequestParser(json)
            .parse(json.createObjectNode()
                    .put("tenant", "acme")
                    .put("clientRequestId", "j1")
                    .put("prompt", "A heavy ceramic mug falls off a table. Camera: tripod."));
    private final List<Integer> sampledCounts = new ArrayList<>();
    private final FrameSampler sampler = (clip, count, longSide) -> {
        sampledCounts.add(count);
        return List.of(new SampledFrame(0.5, new byte[] {1}), new SampledFrame(1.5, new byte[] {2}));
    };

    private static VisualJudge answering(boolean physics, double confidence) {
        return req -> req.items().stream()
                .map(item -> new JudgeAnswer(item, item != JudgeItem.PHYSICS || physics, confidence, "seen in frame 2"))
                .toList();
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void judge_off_asksNothingAndGivesNoChecks() {
        ClipJudging.Result result = ClipJudging.off().judge(CLIP, request.prompt(), request.storyboard());

        assertThat(result.checks()).isEmpty();
        assertThat(sampledCounts).isEmpty();
    }

    @Test
    void judge_confidentFailure_failsThatItemWithItsFix() {
        ClipJudging judging = ClipJudging.of(JudgeMode.BINDING, sampler, answering(false, 0.9), 6);

        List<Check> checks =
                judging.judge(CLIP, request.prompt(), request.storyboard()).checks();

        assertThat(checks)
                .extracting(Check::name)
                .containsExactly("judge-physics", "judge-continuity", "judge-artifacts", "judge-prompt-adherence");
        Check physics = named(checks, "judge-physics");
        assertThat(physics.passed()).isFalse();
        assertThat(physics.value()).isEqualTo(0.9);
        assertThat(physics.detail()).contains("fails it").contains("seen in frame 2");
        assertThat(physics.suggestedFix()).isEqualTo(JudgeItem.PHYSICS.fix());
        assertThat(checks.stream().filter(c -> !c.passed())).hasSize(1);
        assertThat(sampledCounts).containsExactly(6);
    }

    @Test
    void result_bindingAnswersCountAndAdvisoryOnesStandBeside() {
        ClipJudging.Result binding = ClipJudging.of(JudgeMode.BINDING, sampler, answering(false, 0.9), 2)
                .judge(CLIP, request.prompt(), request.storyboard());
        ClipJudging.Result advisory = ClipJudging.of(JudgeMode.ADVISORY, sampler, answering(false, 0.9), 2)
                .judge(CLIP, request.prompt(), request.storyboard());

        assertThat(binding.binding()).hasSize(4).isEqualTo(binding.checks());
        assertThat(binding.advisory()).isEmpty();
        assertThat(advisory.binding()).isEmpty();
        assertThat(advisory.advisory()).hasSize(4).isEqualTo(advisory.checks());
    }

    @Test
    void judge_withoutAPrompt_doesNotAskForPromptAdherence() {
        List<JudgeItem> asked = new ArrayList<>();
        VisualJudge recording = req -> {
            asked.addAll(req.items());
            return answering(true, 1).judge(req);
        };

        List<Check> checks = ClipJudging.of(JudgeMode.ADVISORY, sampler, recording, 3)
                .judge(CLIP, "", request.storyboard())
                .checks();

        assertThat(asked).doesNotContain(JudgeItem.PROMPT_ADHERENCE);
        assertThat(checks)
                .extracting(Check::name)
                .containsExactly("judge-physics", "judge-continuity", "judge-artifacts");
    }

    @Test
    void judge_doubtfulFailure_doesNotCount() {
        ClipJudging judging = ClipJudging.of(JudgeMode.BINDING, sampler, answering(false, 0.3), 6);

        Check physics = named(
                judging.judge(CLIP, request.prompt(), request.storyboard()).checks(), "judge-physics");

        assertThat(physics.passed()).isTrue();
        assertThat(physics.detail()).contains("doubts it (confidence 0.30)");
        assertThat(physics.suggestedFix()).isEmpty();
    }

    @Test
    void judge_answerMissingAnItem_isAJudgeFailure() {
        VisualJudge forgetful = req -> List.of(new JudgeAnswer(JudgeItem.PHYSICS, true, 1, ""));
        ClipJudging judging = ClipJudging.of(JudgeMode.BINDING, sampler, forgetful, 4);

        assertThatThrownBy(() -> judging.judge(CLIP, request.prompt(), request.storyboard()))
                .isInstanceOf(ProviderFailedException.class)
                .hasMessageContaining("did not answer 'continuity'");
    }

    @Test
    void judge_itemAnsweredTwice_isAJudgeFailure() {
        VisualJudge stutter = req -> {
            List<JudgeAnswer> answers = new ArrayList<>(answering(true, 1).judge(req));
            answers.add(new JudgeAnswer(JudgeItem.ARTIFACTS, false, 1, ""));
            return answers;
        };
        ClipJudging judging = ClipJudging.of(JudgeMode.BINDING, sampler, stutter, 4);

        assertThatThrownBy(() -> judging.judge(CLIP, request.prompt(), request.storyboard()))
                .hasMessageContaining("answered 'artifacts' twice");
    }

    @Test
    void judge_advisoryJudgeUnavailable_givesANoteInsteadOfFailing() {
        VisualJudge busy = req -> {
            throw new ProviderThrottledException("judge is rate limiting us (HTTP 429)");
        };

        ClipJudging.Result result = ClipJudging.of(JudgeMode.ADVISORY, sampler, busy, 4)
                .judge(CLIP, request.prompt(), request.storyboard());

        assertThat(result.checks()).isEmpty();
        assertThat(result.note())
                .contains("visual judge gave no answer for clip.mp4")
                .contains("HTTP 429");
    }

    @Test
    void judge_bindingJudgeUnavailable_propagatesSoTheStateMachineRetries() {
        VisualJudge busy = req -> {
            throw new ProviderThrottledException("judge is rate limiting us (HTTP 429)");
        };
        ClipJudging judging = ClipJudging.of(JudgeMode.BINDING, sampler, busy, 4);

        assertThatThrownBy(() -> judging.judge(CLIP, request.prompt(), request.storyboard()))
                .isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void parse_modeNames_andRefusesOthers() {
        assertThat(JudgeMode.parse(null)).isEqualTo(JudgeMode.OFF);
        assertThat(JudgeMode.parse(" Advisory ")).isEqualTo(JudgeMode.ADVISORY);
        assertThat(JudgeMode.parse("binding")).isEqualTo(JudgeMode.BINDING);
        assertThatThrownBy(() -> JudgeMode.parse("strict")).hasMessageContaining("off, advisory or binding");
    }
}
