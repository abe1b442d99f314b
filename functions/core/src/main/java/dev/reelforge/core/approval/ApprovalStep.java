package dev.reelforge.core.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.approval.ApprovalDecision.Decision;
import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.error.ChangesRequestedException;
import dev.reelforge.core.error.RenderDeclinedException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.ApprovalTokens;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.TaskCallback;
import dev.reelforge.core.review.PromptRevision;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

/**
 * The approval gate's three moves. {@link #await}: {@code WaitForApproval} hands over its task token, kept by job
 * and revision, and the job shows AWAITING_APPROVAL. {@link #decide}: the approval API takes the token of exactly
 * the revision the reviewer saw (any other is refused, so a stale approval never publishes a newer render), records
 * the decision on the job and resumes the workflow: an approval is the Task's output, a rejection fails it with
 * {@link RenderDeclinedException} (the reason as cause), a change request with {@link ChangesRequestedException}
 * (the decision as JSON), so each outcome is a Catch the ASL routes and a mock can stand for. {@link #changes}: a change request becomes the next
 * round, a remix of the approved-for-review clip carrying the reviewer's words where the provider can remix, else a
 * regeneration with the words added to the prompt.
 */
public final class ApprovalStep {
    private final JobStore jobs;
    private final ApprovalTokens tokens;
    private final TaskCallback callback;
    private final ObjectMapper json;
    private final Clock clock;

    public ApprovalStep(JobStore jobs, ApprovalTokens tokens, TaskCallback callback, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.tokens = tokens;
        this.callback = callback;
        this.json = json;
        this.clock = clock;
    }

    public JobRecord await(String jobId, int revision, String token, long timeoutSeconds) {
        tokens.put(jobId, revision, token, clock.instant().plusSeconds(timeoutSeconds));
        return jobs.update(
                jobId,
                r -> r.withStatus(
                        JobStatus.AWAITING_APPROVAL,
                        "revision " + revision + " is waiting for approval",
                        clock.instant()));
    }

    /** The revision of {@code jobId} that waits for a decision, if any: what a reviewer's approval must name. */
    public OptionalInt waiting(String jobId) {
        return tokens.waiting(jobId);
    }

    /** @throws ApprovalNotPendingException when the job does not wait for a decision on that revision */
    public JobRecord decide(String jobId, ApprovalDecision decision) {
        JobRecord job = jobs.find(jobId).orElseThrow(() -> new ApprovalNotPendingException("there is no job " + jobId));
        if (job.status() != JobStatus.AWAITING_APPROVAL) {
            throw new ApprovalNotPendingException(
                    "job " + jobId + " is " + job.status() + ", not waiting for approval");
        }
        String token = tokens.take(jobId, decision.revision())
                .orElseThrow(() -> new ApprovalNotPendingException("revision " + decision.revision() + " of job "
                        + jobId + " is not the one waiting for approval (" + job.reason() + ")"));
        JobRecord recorded;
        try {
            recorded = jobs.update(jobId, r -> {
                if (r.status() != JobStatus.AWAITING_APPROVAL) {
                    throw new ApprovalNotPendingException("job " + jobId + " stopped waiting for approval");
                }
                return r.withStatus(status(decision), reason(decision), clock.instant());
            });
        } catch (NoSuchElementException e) {
            throw new ApprovalNotPendingException("there is no job " + jobId);
        }
        switch (decision.decision()) {
            case APPROVE -> callback.succeed(token, write(decision));
            case REJECT -> callback.fail(token, RenderDeclinedException.class.getName(), decision.text());
            case CHANGES -> callback.fail(token, ChangesRequestedException.class.getName(), write(decision));
        }
        return recorded;
    }

    /**
     * The review that sends the reviewer's change request to Submit as the next round.
     *
     * @param requestPrompt the request's prompt, for a clip from the prompt cache (no round of its own yet)
     */
    public ReviewOutcome changes(
            JobTicket job, RenderRound round, ReviewOutcome review, ApprovalDecision decision, String requestPrompt) {
        String words = decision.text();
        String prompt = round.prompt().isBlank() ? requestPrompt : round.prompt();
        String reason = "the reviewer asked for changes to revision " + decision.revision() + ": " + words;
        if (job.remixSupported() && !review.bestProviderJobId().isEmpty()) {
            return new ReviewOutcome(
                    Verdict.REMIX,
                    reason,
                    review.bestClipKey(),
                    review.bestProviderJobId(),
                    review.checks(),
                    RoundMode.REMIX,
                    prompt,
                    words,
                    review.reportKey());
        }
        return new ReviewOutcome(
                Verdict.REGENERATE,
                reason,
                review.bestClipKey(),
                review.bestProviderJobId(),
                review.checks(),
                RoundMode.REGENERATE,
                PromptRevision.withReviewerWords(prompt, words),
                words,
                review.reportKey());
    }

    private static JobStatus status(ApprovalDecision decision) {
        return switch (decision.decision()) {
            case APPROVE -> JobStatus.POST_PROCESSING;
            case REJECT -> JobStatus.DECLINED;
            case CHANGES -> JobStatus.RENDERING;
        };
    }

    private static String reason(ApprovalDecision decision) {
        return decision.decision() == Decision.APPROVE
                ? "revision " + decision.revision() + " approved"
                : decision.decision() == Decision.REJECT
                        ? decision.text()
                        : "changes requested on revision " + decision.revision() + ": " + decision.text();
    }

    private String write(ApprovalDecision decision) {
        try {
            return json.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an approval decision always serializes", e);
        }
    }
}
