package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.Soundtrack;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.review.judge.JudgeMode;
import dev.reelforge.core.workflow.ClipReview;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import dev.reelforge.media.analysis.FfmpegFrameSampler;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.JudgeConfig;
import dev.reelforge.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge review <clip.mp4> [--request r.json] [--judge advisory|binding] [--json]}: the review checks on
 * any clip, offline. With a request, conformance compares against its settings and the cue/beat checks use its
 * storyboard, and a request for a model that renders no sound (capability data, REELFORGE_CAPABILITIES_FILE) leaves
 * the audio checks not applicable; without one, only the clip's own streams are checked. With a judge, the visual judge configured in
 * the environment (REELFORGE_JUDGE_BASE_URL, _MODEL, _API_KEY; see JudgeConfig) answers too: binding answers count
 * like checks, advisory ones are listed apart. Exit 0 when every check passes, 3 when any fails, 2 on bad input.
 */
@Command(name = "review", description = "Measure a clip against the review checklist.")
final class ReviewCommand implements Callable<Integer> {
    static final int CHECKS_FAILED = 3;

    @Parameters(index = "0", paramLabel = "<clip.mp4>", description = "The clip to review.")
    Path clip;

    @Option(names = "--request", paramLabel = "<request.json>", description = "The request the clip was made for.")
    Path requestFile;

    @Option(names = "--json", description = "Print the checks as JSON ({clip, passed, checks, advisory, warnings}).")
    boolean asJson;

    @Option(
            names = "--judge",
            paramLabel = "<mode>",
            description = "Ask the visual judge: off, advisory or binding "
                    + "(default: REELFORGE_JUDGE_MODE, else off); its URL, model and key come from the environment.")
    String judgeMode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = Services.objectMapper();
        try {
            if (!Files.isRegularFile(clip)) {
                throw new RequestFile.UserInputException(clip + ": no such clip file");
            }
            RenderRequest request =
                    requestFile == null ? null : new RequestParser(json).parse(RequestFile.read(requestFile));
            JudgeConfig judgeConfig = judgeMode == null
                    ? HandlerConfig.judgeFromEnvironment()
                    : HandlerConfig.judgeFromEnvironment().withMode(JudgeMode.parse(judgeMode));
            Ffmpeg ffmpeg = Ffmpeg.bundled();
            ClipMetrics metrics = new FfmpegClipAnalyzer(ffmpeg).analyze(clip);
            ClipJudging judging =
                    judgeConfig.judgingWithEnvironmentKey(new FfmpegFrameSampler(ffmpeg), json, Clock.systemUTC());
            ClipReview review = new ClipReview(judging, ReviewProfiles.bundled(json));
            ClipReview.Result reviewed = request == null
                    ? review.reviewAlone(clip, metrics)
                    : review.review(clip, metrics, request, soundtrack(request, json));
            List<Check> checks = reviewed.checks();
            List<Check> advisory = reviewed.advisory();
            List<String> warnings = reviewed.note().isEmpty() ? List.of() : List.of(reviewed.note());
            boolean passed = reviewed.passed();
            if (asJson) {
                ObjectNode doc = json.createObjectNode();
                doc.put("clip", clip.toString());
                doc.put("passed", passed);
                doc.set("checks", json.valueToTree(checks));
                doc.set("advisory", json.valueToTree(advisory));
                doc.set("warnings", json.valueToTree(warnings));
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                checks.forEach(c -> out.println(line(c.passed() ? "ok" : "FAIL", c)));
                advisory.forEach(c -> out.println(line(c.passed() ? "(ok)" : "(no)", c) + "  [advisory]"));
                warnings.forEach(w -> err.println("warning: " + w));
                out.println(
                        passed
                                ? "all checks passed"
                                : checks.stream().filter(c -> !c.passed()).count() + " check(s) failed");
            }
            out.flush();
            return passed ? ReelforgeCli.OK : CHECKS_FAILED;
        } catch (RequestFile.UserInputException
                | ReelforgeException
                | IllegalStateException
                | IllegalArgumentException e) {
            err.println("cannot review: " + e.getMessage());
            return ReelforgeCli.INVALID_INPUT;
        }
    }

    private static String line(String verdict, Check c) {
        return String.format(
                Locale.ROOT,
                "%-4s %-22s %10.3f %-16s (threshold %.3f)  %s%s",
                verdict,
                c.name(),
                c.value(),
                c.unit(),
                c.threshold(),
                c.detail(),
                c.suggestedFix().isEmpty() ? "" : "  → fix: " + c.suggestedFix());
    }

    /** Whether the request's model renders sound, from the capability data; an unknown model is expected to. */
    private static Soundtrack soundtrack(RenderRequest request, ObjectMapper json) {
        return Services.catalog(json, HandlerConfig.capabilitiesFileFromEnvironment())
                .find(request.provider().name(), request.provider().model())
                .map(Soundtrack::of)
                .orElse(Soundtrack.expected());
    }
}
