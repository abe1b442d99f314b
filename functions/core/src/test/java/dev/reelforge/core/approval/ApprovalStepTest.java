package dev.reelforge.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.TaskCallback;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.InMemoryApprovalTokens;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalStepTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final List<String> resumed = new ArrayList<>();
    private final ApprovalStep step = new ApprovalStep(
            jobs,
            new InMemoryApprovalTokens(),
            new TaskCallback() {
                @Override
                public void succeed(String token, String outputJson) {
                    resumed.add(token + " " + outputJson);
                }

                @Override
                public void fail(String token, String error, String cause) {
                    resumed.add(token + " failed " + error + " " + cause);
                }
            },
            json,
            clock);

    @BeforeEach
    void openJob() {
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
    }

    private ApprovalDecision decision(String body) throws Exception {
        return ApprovalDecision.parse(json.readTree(body));
    }

    @Test
    void decide_approveOfTheWaitingRevision_resumesWithTheDecisionAndRecordsIt() throws Exception {
        step.await("j-1", 2, "tok-2", 3600);
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.AWAITING_APPROVAL);

        JobRecord recorded = step.decide("j-1", decision("{\"decision\":\"approve\",\"revision\":2}"));

        assertThat(recorded.status()).isEqualTo(JobStatus.POST_PROCESSING);
        assertThat(resumed).singleElement().satisfies(call -> {
            assertThat(call).startsWith("tok-2 ");
            JsonNode output = json.readTree(call.substring("tok-2 ".length()));
            assertThat(output.path("decision").asText()).isEqualTo("approve");
            assertThat(output.path("revision").asInt()).isEqualTo(2);
        });
    }

    @Test
    void decide_staleRevision_isRefusedAndResumesNothing() throws Exception {
        step.await("j-1", 2, "tok-2", 3600);

        assertThatThrownBy(() -> step.decide("j-1", decision("{\"decision\":\"approve\",\"revision\":1}")))
                .isInstanceOf(ApprovalNotPendingException.class)
                .hasMessageContaining("revision 1")
                .hasMessageContaining("revision 2 is waiting");
        assertThat(resumed).isEmpty();
    }

    @Test
    void decide_twice_isRefusedTheSecondTime() throws Exception {
        step.await("j-1", 1, "tok-1", 3600);
        step.decide("j-1", decision("{\"decision\":\"reject\",\"revision\":1,\"text\":\"too dark\"}"));

        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.DECLINED);
        assertThat(jobs.find("j-1").orElseThrow().reason()).isEqualTo("too dark");
        assertThatThrownBy(() -> step.decide("j-1", decision("{\"decision\":\"approve\",\"revision\":1}")))
                .isInstanceOf(ApprovalNotPendingException.class)
                .hasMessageContaining("DECLINED");
        assertThat(resumed).containsExactly("tok-1 failed dev.reelforge.core.error.RenderDeclinedException too dark");
    }

    @Test
    void parse_badBodies_nameTheField() {
        assertThatThrownBy(() -> decision("{\"decision\":\"maybe\",\"revision\":1}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.decision");
        assertThatThrownBy(() -> decision("{\"decision\":\"approve\",\"revision\":\"one\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.revision");
        assertThatThrownBy(() -> decision("{\"decision\":\"reject\",\"revision\":1,\"text\":\"  \"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.text")
                .hasMessageContaining("reason");
    }

    @Test
    void changes_withoutRemix_regeneratesWithTheReviewersWordsInThePrompt() throws Exception {
        JobTicket job = new JobTicket("j-1", "acme", "j-1", "", false, "", "", "p", "m", false, true, 1, 1, List.of());
        RenderRound round = new RenderRound(
                2,
                RoundMode.INITIAL,
                "A ceramic mug drops.",
                "",
                List.of(),
                RenderRound.Status.COMPLETED,
                100,
                1,
                "",
                2);
        ReviewOutcome passed = new ReviewOutcome(
                Verdict.PASS, "all checks passed", "clips/j-1/2/0.mp4", "pj-2", List.of(), RoundMode.NONE, "", "", "r");

        ReviewOutcome next = step.changes(
                job,
                round,
                passed,
                decision("{\"decision\":\"changes\",\"revision\":2,\"text\":\"Make it glass.\"}"),
                "unused: the round has its prompt");

        assertThat(next.verdict()).isEqualTo(Verdict.REGENERATE);
        assertThat(next.nextMode()).isEqualTo(RoundMode.REGENERATE);
        assertThat(next.nextPrompt()).isEqualTo("A ceramic mug drops.\nMake it glass.");
        assertThat(next.nextInstruction()).isEqualTo("Make it glass.");
    }

    @Test
    void changes_onACachedClip_startFromTheRequestPrompt() throws Exception {
        JobTicket job =
                new JobTicket("j-1", "acme", "j-1", "", true, "c.mp4", "j-0", "p", "m", true, true, 1, 1, List.of());

        ReviewOutcome next = step.changes(
                job,
                RenderRound.notStarted(),
                ReviewOutcome.notReviewed(),
                decision("{\"decision\":\"changes\",\"revision\":0,\"text\":\"Slower.\"}"),
                "A ball drops.");

        assertThat(next.nextMode()).as("nothing to remix yet").isEqualTo(RoundMode.REGENERATE);
        assertThat(next.nextPrompt()).isEqualTo("A ball drops.\nSlower.");
    }

    @Test
    void gate_requestOverridesTheDeploymentDefault() throws Exception {
        ApprovalGate deployment = new ApprovalGate(true, 600);

        assertThat(ApprovalGate.of(json.readTree("{}"), deployment)).isEqualTo(deployment);
        assertThat(ApprovalGate.of(json.readTree("{\"approval\":\"none\"}"), deployment)
                        .required())
                .isFalse();
        assertThat(ApprovalGate.of(json.readTree("{\"approval\":\"required\"}"), ApprovalGate.none())
                        .required())
                .isTrue();
        assertThatThrownBy(() -> ApprovalGate.of(json.readTree("{\"approval\":true}"), deployment))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.approval");
    }
}
