package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The workflow path each mock test case is meant to take, so that an edit to the mock file cannot quietly turn a
 * path into another one while both engines still agree.
 */
final class ExpectedPaths {
    private record Path(String status, String error, List<String> mustEnter, Map<String, Long> eventCounts) {}

    private static final Map<String, Path> PATHS = Map.ofEntries(
            Map.entry(
                    "reelforge-render#HappyPath",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Validate",
                                    "Submit",
                                    "WaitForRender",
                                    "Poll",
                                    "WaitForRender",
                                    "Poll",
                                    "ReviewScore",
                                    "PostProcess",
                                    "RenderMedia",
                                    "MediaOk?",
                                    "Finalize",
                                    "PublishCompleted",
                                    "Done"),
                            Map.of("WaitStateEntered", 2L))),
            Map.entry(
                    "reelforge-render#CacheHit",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Validate",
                                    "CacheHit?",
                                    "PostProcess",
                                    "RenderMedia",
                                    "Finalize",
                                    "PublishCompleted",
                                    "Done"),
                            Map.of("TaskStateEntered", 5L))),
            Map.entry(
                    "reelforge-render#ProviderThrottledTwice",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of("Submit", "WaitForRender", "Poll", "Done"),
                            Map.of("LambdaFunctionFailed", 2L))),
            Map.entry(
                    "reelforge-render#ProviderTerminalError",
                    new Path(
                            "FAILED",
                            "Reelforge.RenderFailed",
                            List.of("Validate", "Submit", "MarkFailed", "Failed"),
                            Map.of("LambdaFunctionFailed", 1L))),
            Map.entry(
                    "reelforge-render#RemixThenPass",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "ReviewScore",
                                    "Verdict?",
                                    "Submit",
                                    "ReviewScore",
                                    "Verdict?",
                                    "PostProcess",
                                    "Done"),
                            Map.of("TaskStateEntered", 11L))),
            Map.entry(
                    "reelforge-render#RegenerateThenPass",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "ReviewScore",
                                    "Verdict?",
                                    "Submit",
                                    "ReviewScore",
                                    "Verdict?",
                                    "PostProcess",
                                    "Done"),
                            Map.of("TaskStateEntered", 11L))),
            Map.entry(
                    "reelforge-render#GiveUpAtAttemptLimit",
                    new Path(
                            "FAILED",
                            "Reelforge.RenderFailed",
                            List.of(
                                    "ReviewScore",
                                    "ReviewScore",
                                    "ReviewScore",
                                    "Verdict?",
                                    "GaveUp",
                                    "MarkFailed",
                                    "Failed"),
                            Map.of("LambdaFunctionSucceeded", 11L))),
            Map.entry(
                    "reelforge-render#GiveUpAcceptBest",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of("ReviewScore", "ReviewScore", "ReviewScore", "Verdict?", "PostProcess", "Done"),
                            Map.of("LambdaFunctionSucceeded", 12L))),
            Map.entry(
                    "reelforge-render#MediaTaskFailed",
                    new Path(
                            "FAILED",
                            "Reelforge.RenderFailed",
                            List.of("RenderMedia", "MediaOk?", "MediaFailed", "MarkFailed", "Failed"),
                            Map.of("TaskSucceeded", 1L))),
            Map.entry(
                    "reelforge-render#PollDeadlineExceeded",
                    new Path(
                            "FAILED",
                            "Reelforge.RenderFailed",
                            List.of("Poll", "RenderDone?", "WaitForRender", "Poll", "MarkFailed", "Failed"),
                            Map.of("LambdaFunctionFailed", 1L))),
            Map.entry(
                    "reelforge-render#RequestRejected",
                    new Path(
                            "FAILED",
                            "Reelforge.RequestRejected",
                            List.of("Validate", "MarkRejected", "Rejected"),
                            Map.of("LambdaFunctionFailed", 1L))),
            Map.entry(
                    "reelforge-render#ApprovalApproved",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "ReviewScore",
                                    "Verdict?",
                                    "ApprovalRequired?",
                                    "WaitForApproval",
                                    "PostProcess",
                                    "Finalize",
                                    "Done"),
                            Map.of("TaskSubmitted", 2L))),
            Map.entry(
                    "reelforge-render#RecutEdit",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Validate",
                                    "CacheHit?",
                                    "Recut",
                                    "ReviewScore",
                                    "Verdict?",
                                    "ApprovalRequired?",
                                    "PostProcess",
                                    "RenderMedia",
                                    "Finalize",
                                    "Done"),
                            Map.of("TaskStateEntered", 7L))),
            Map.entry(
                    "reelforge-render#ApprovalDeclined",
                    new Path(
                            "FAILED",
                            "Reelforge.Declined",
                            List.of("ReviewScore", "ApprovalRequired?", "WaitForApproval", "MarkDeclined", "Declined"),
                            Map.of("TaskFailed", 1L))),
            Map.entry(
                    "reelforge-render#ShotReRender",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Validate",
                                    "CacheHit?",
                                    "Shots",
                                    "ShotSubmit",
                                    "ShotReview",
                                    "ShotAccepted",
                                    "ShotSubmit",
                                    "ShotReview",
                                    "ShotVerdict?",
                                    "ShotSubmit",
                                    "ShotReview",
                                    "ShotAccepted",
                                    "SequenceReview",
                                    "PostProcess",
                                    "RenderMedia",
                                    "Finalize",
                                    "Done"),
                            Map.of("MapIterationSucceeded", 2L, "LambdaFunctionScheduled", 13L))),
            Map.entry(
                    "reelforge-render#StoryboardEdit",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Validate",
                                    "CacheHit?",
                                    "Shots",
                                    "ShotReused?",
                                    "ShotAccepted",
                                    "ShotReused?",
                                    "ShotSubmit",
                                    "ShotPoll",
                                    "ShotReview",
                                    "ShotAccepted",
                                    "SequenceReview",
                                    "PostProcess",
                                    "RenderMedia",
                                    "Finalize",
                                    "Done"),
                            Map.of("MapIterationSucceeded", 2L, "LambdaFunctionScheduled", 7L))),
            Map.entry(
                    "reelforge-render#ShotsStitchFailed",
                    new Path(
                            "FAILED",
                            "Reelforge.RenderFailed",
                            List.of(
                                    "Shots",
                                    "ShotAccepted",
                                    "ShotAccepted",
                                    "SequenceReview",
                                    "PostProcess",
                                    "RenderMedia",
                                    "MediaOk?",
                                    "MediaFailed",
                                    "MarkFailed",
                                    "Failed"),
                            Map.of("MapIterationSucceeded", 2L))),
            Map.entry(
                    "reelforge-render#WebhookResumes",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Submit",
                                    "RenderDone?",
                                    "WaitForWebhook",
                                    "Poll",
                                    "RenderDone?",
                                    "ReviewScore",
                                    "PostProcess",
                                    "Done"),
                            Map.of("WaitStateEntered", 0L, "TaskSubmitted", 2L))),
            Map.entry(
                    "reelforge-batch#OneItemFails",
                    new Path(
                            "SUCCEEDED",
                            null,
                            List.of(
                                    "Source",
                                    "RenderEach",
                                    "Render",
                                    "Render",
                                    "RenderFailed",
                                    "Render",
                                    "Summarize",
                                    "Count"),
                            Map.of("MapIterationSucceeded", 3L, "TaskFailed", 1L))));

    private ExpectedPaths() {}

    static void assertPath(String machine, String testCase, ExecutionTrace trace) {
        Path path = PATHS.get(machine + "#" + testCase);
        assertThat(path)
                .as("an expected path for the mock test case %s #%s", machine, testCase)
                .isNotNull();
        assertThat(trace.status()).as("status of %s", testCase).isEqualTo(path.status());
        assertThat(trace.error()).as("error of %s", testCase).isEqualTo(path.error());
        assertThat(trace.statesEntered()).as("states entered by %s", testCase).containsSubsequence(path.mustEnter());
        path.eventCounts()
                .forEach((type, count) -> assertThat(
                                trace.eventTypes().stream().filter(type::equals).count())
                        .as("%s events in %s", type, testCase)
                        .isEqualTo(count));
    }
}
