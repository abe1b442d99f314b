package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ReelforgeException;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ConformanceCheck;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.handlers.config.Services;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge review <clip.mp4> [--request r.json] [--json]}: the review checks on any clip, offline. With a
 * request, conformance compares against its settings and the cue/beat checks use its storyboard; without one, only
 * the clip's own streams are checked. Exit 0 when every check passes, 3 when any fails, 2 on bad input.
 */
@Command(name = "review", description = "Measure a clip against the review checklist.")
final class ReviewCommand implements Callable<Integer> {
    static final int CHECKS_FAILED = 3;

    @Parameters(index = "0", paramLabel = "<clip.mp4>", description = "The clip to review.")
    Path clip;

    @Option(names = "--request", paramLabel = "<request.json>", description = "The request the clip was made for.")
    Path requestFile;

    @Option(names = "--json", description = "Print the checks as JSON ({clip, passed, checks: [...]}).")
    boolean asJson;

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
            RenderRequest request = requestFile == null ? null : new RequestParser(json).parse(RequestFile.read(requestFile));
            Ffmpeg ffmpeg = Ffmpeg.bundled();
            ProbeResult probe = new FfprobeClipProbe(ffmpeg).probe(clip);
            ClipMetrics metrics = new FfmpegClipAnalyzer(ffmpeg).analyze(clip);
            List<Check> checks = request == null
                    ? ClipChecks.evaluate(ConformanceCheck.evaluateUnordered(probe), metrics,
                            new Storyboard("", List.of(), List.of()), ReviewThresholds.defaults())
                    : ClipChecks.evaluate(probe, metrics, request.settings(), request.storyboard(), request.reviewThresholds());
            boolean passed = checks.stream().allMatch(Check::passed);
            if (asJson) {
                ObjectNode doc = json.createObjectNode();
                doc.put("clip", clip.toString());
                doc.put("passed", passed);
                doc.set("checks", json.valueToTree(checks));
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                for (Check c : checks) {
                    out.println(String.format(Locale.ROOT, "%-4s %-15s %10.3f %-14s (threshold %.3f)  %s%s", c.passed() ? "ok" : "FAIL",
                            c.name(), c.value(), c.unit(), c.threshold(), c.detail(),
                            c.suggestedFix().isEmpty() ? "" : "  → fix: " + c.suggestedFix()));
                }
                out.println(passed ? "all checks passed" : checks.stream().filter(c -> !c.passed()).count() + " check(s) failed");
            }
            out.flush();
            return passed ? ReelforgeCli.OK : CHECKS_FAILED;
        } catch (RequestFile.UserInputException | ReelforgeException e) {
            err.println("cannot review: " + e.getMessage());
            return ReelforgeCli.INVALID_INPUT;
        }
    }
}
