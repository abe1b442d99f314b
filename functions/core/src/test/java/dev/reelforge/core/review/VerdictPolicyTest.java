package dev.reelforge.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictPolicyTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RenderRequest request = new RequestParser(json)
            .parse(json.createObjectNode()
                    .put("tenant", "acme")
                    .put("clientRequestId", "t1")
                    .put("maxAttempts", 3)
                    .put("budgetUsd", 10)
                    .put("prompt", "A heavy ceramic mug falls off a table. Camera: tripod."));

    private static Check pass(String name) {
        return new Check(name, true, 0, 1, "", "", "");
    }

    private static Check fail(String name) {
        return new Check(name, false, 2, 1, "", "", "fix " + name);
    }

    @Test
    void decide_allPass_picksBestAndPasses() {
        var weak = new ClipScore("a", 0, List.of(pass("conformance"), fail("blur")));
        var strong = new ClipScore("b", 1, List.of(pass("conformance"), pass("blur")));

        var decision = VerdictPolicy.decide(List.of(weak, strong), request, request.prompt(), 1, 0, 0, true);

        assertThat(decision.verdict()).isEqualTo(Verdict.PASS);
        assertThat(decision.best().clipKey()).isEqualTo("b");
    }

    @Test
    void decide_oneFailed_remixesWithTargetedInstruction() {
        var clip = new ClipScore("a", 0, List.of(pass("conformance"), fail("blur")));

        var decision = VerdictPolicy.decide(List.of(clip), request, request.prompt(), 1, 0, 0, true);

        assertThat(decision.verdict()).isEqualTo(Verdict.REMIX);
        assertThat(decision.next().instruction()).startsWith("Sharp focus on the heavy ceramic mug");
    }

    @Test
    void decide_oneFailedAndNoRemix_regeneratesCarryingTheFix() {
        var clip = new ClipScore("a", 0, List.of(fail("flicker")));

        var decision = VerdictPolicy.decide(List.of(clip), request, request.prompt(), 1, 0, 0, false);

        assertThat(decision.verdict()).isEqualTo(Verdict.REGENERATE);
        assertThat(decision.next().prompt()).endsWith("no flicker and no exposure changes.");
    }

    @Test
    void decide_twoFailed_regeneratesWithRevisedPrompt() {
        var clip = new ClipScore("a", 0, List.of(fail("motion"), fail("av-sync")));

        var decision = VerdictPolicy.decide(List.of(clip), request, request.prompt(), 1, 0, 0, true);

        assertThat(decision.verdict()).isEqualTo(Verdict.REGENERATE);
        assertThat(decision.next().prompt())
                .contains("is heavy and solid, with visible weight")
                .contains("Only the listed sounds");
    }

    @Test
    void decide_aLaterRevisionKeepsTheFixesOfTheRoundItRevises() {
        var first = VerdictPolicy.decide(
                List.of(new ClipScore("a", 0, List.of(fail("motion"), fail("blur")))),
                request,
                request.prompt(),
                1,
                0,
                0,
                true);
        var clip = new ClipScore("b", 0, List.of(fail("flicker"), fail("av-sync")));

        var second = VerdictPolicy.decide(List.of(clip), request, first.next().prompt(), 2, 0, 0, true);

        assertThat(second.next().prompt())
                .startsWith(request.prompt().strip())
                .contains("is heavy and solid, with visible weight")
                .contains("Sharp focus on")
                .contains("Constant, even lighting; no flicker.")
                .contains("Only the listed sounds");
        assertThat(second.next().prompt().split("Sharp focus on", -1)).hasSize(2);
    }

    @Test
    void decide_aRemixAfterARevisionRemixesFromTheRevisedPrompt() {
        String revised = request.prompt().strip() + "\nSharp focus on the mug.";
        var clip = new ClipScore("a", 0, List.of(pass("blur"), fail("flicker")));

        var remix = VerdictPolicy.decide(List.of(clip), request, revised, 2, 0, 0, true);
        var regenerate = VerdictPolicy.decide(List.of(clip), request, revised, 2, 0, 0, false);

        assertThat(remix.next().prompt()).isEqualTo(revised);
        assertThat(regenerate.next().prompt()).startsWith(revised).endsWith("no flicker and no exposure changes.");
    }

    @Test
    void decide_attemptsExhausted_givesUpPerPolicy() {
        var clip = new ClipScore("a", 0, List.of(fail("motion"), fail("av-sync")));

        var decision = VerdictPolicy.decide(List.of(clip), request, request.prompt(), 3, 0, 0, true);

        assertThat(decision.verdict()).isEqualTo(Verdict.GIVE_UP_ACCEPT);
        assertThat(decision.reason()).contains("no attempts left (3 of 3)");
    }

    @Test
    void decide_budgetExhausted_givesUp() {
        var clip = new ClipScore("a", 0, List.of(fail("blur")));

        var decision = VerdictPolicy.decide(List.of(clip), request, request.prompt(), 1, 8, 3, true);

        assertThat(decision.verdict()).isEqualTo(Verdict.GIVE_UP_ACCEPT);
        assertThat(decision.reason()).contains("would exceed the $10.00 budget");
    }
}
