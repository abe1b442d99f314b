package dev.reelforge.media.analysis.natural;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import dev.reelforge.media.analysis.natural.NaturalCorpus.Clip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The review checks on natural footage (issue 16): every clean clip of both halves, and every defect kind injected
 * into {@value #CLIPS_PER_DEFECT} clips of the held-out test half at seeded strengths. The targets (each
 * defect failing its own check in 95 % of its clips, clean clips failing any check in at most 5 %) are printed with
 * what is reached; the test holds what is reached as a floor. The tables, broken down by source, are printed for
 * BENCHMARKS.md. {@code -Dreelforge.corpus.calibration=true}
 * also injects every defect into the calibration half, for choosing thresholds.
 */
@Tag("acceptance-corpus")
class NaturalCorpusAcceptanceTest {
    static final int CLIPS_PER_DEFECT = 20;
    /** Issue 16's acceptance: each defect caught by its own check in 95 % of its clips, clean clips failing at most 5 %. */
    static final double TARGET_RECALL = 0.95;

    static final double TARGET_FALSE_ALARMS = 0.05;
    /**
     * What the checks reach on the test half today, two clips of slack below it (measured 2026-12-02, BENCHMARKS.md):
     * a floor that must not drop. Where it is under the target, the gap is issue 16's open work, printed as "not met".
     */
    private static final Map<NaturalDefect, Double> RECALL_FLOOR = Map.of(
            NaturalDefect.FLICKER,
            0.90,
            NaturalDefect.BLUR,
            0.90,
            NaturalDefect.FREEZE,
            0.90,
            NaturalDefect.BLACK,
            0.90,
            NaturalDefect.CUT,
            0.90,
            NaturalDefect.BLOCKY,
            0.90,
            NaturalDefect.DRIFT,
            0.85,
            NaturalDefect.PALETTE_JUMP,
            0.85,
            NaturalDefect.RELIT,
            0.90,
            NaturalDefect.OUT_OF_FRAME,
            0.90);
    /**
     * Measured 3 % (test half, 1 of 32) and 25 % (calibration half, 4 of 16: the night timelapse's walk of its lights
     * twice, the juddering underwater clip twice): one clip of slack above the worse.
     */
    private static final double FALSE_ALARM_CEILING = 0.32;

    private static final ObjectMapper METRICS_JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static NaturalCorpus corpus;

    @BeforeAll
    static void corpus() {
        corpus = NaturalCorpus.load(NaturalFootage.folder(), Ffmpeg.bundled());
    }

    @Test
    void naturalCorpus_testHalf_defectsCaughtByTheirOwnCheckAndCleanClipsPass() throws Exception {
        List<Case> cases = new ArrayList<>();
        corpus.clips().forEach(c -> cases.add(new Case(c, null, 0, 0)));
        cases.addAll(defectCases(corpus.clips(NaturalCorpus.TEST), 1));
        if (Boolean.getBoolean("reelforge.corpus.calibration")) {
            cases.addAll(defectCases(corpus.clips(NaturalCorpus.CALIBRATION), 1001));
        }
        assertThat(corpus.clips()).hasSizeGreaterThanOrEqualTo(40);

        List<Result> results = run(cases);
        dumpChecks(results);

        for (String split : List.of(NaturalCorpus.CALIBRATION, NaturalCorpus.TEST)) {
            List<Result> half = results.stream()
                    .filter(r -> r.c().clip().split().equals(split))
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "natural corpus, %s half: %d clean clips, %d with defects%n",
                    split,
                    half.stream().filter(r -> r.c().defect() == null).count(),
                    half.stream().filter(r -> r.c().defect() != null).count());
            System.out.println(table(
                    half, r -> r.c().defect() == null ? "clean" : r.c().defect().label()));
            System.out.println(table(
                    half.stream().filter(r -> r.c().defect() == null).toList(),
                    r -> "clean " + r.c().clip().source()));
            half.stream().filter(Result::wrong).forEach(r -> System.out.println("MISS " + r.describe()));
            System.out.println(margins(half));
        }
        List<Result> test = results.stream()
                .filter(r -> r.c().clip().split().equals(NaturalCorpus.TEST))
                .toList();
        for (NaturalDefect defect : NaturalDefect.values()) {
            List<Result> injected =
                    test.stream().filter(r -> r.c().defect() == defect).toList();
            double recall = (double) injected.stream()
                            .filter(r -> r.failed(defect.check()))
                            .count()
                    / injected.size();
            System.out.printf(
                    Locale.ROOT,
                    "recall of %s on %s: %.0f %% (target %.0f %%%s)%n",
                    defect.check(),
                    defect.label(),
                    100 * recall,
                    100 * TARGET_RECALL,
                    recall >= TARGET_RECALL ? "" : ", not met");
            assertThat(recall)
                    .as("recall of %s on %s", defect.check(), defect.label())
                    .isGreaterThanOrEqualTo(RECALL_FLOOR.get(defect));
        }
        for (String split : List.of(NaturalCorpus.CALIBRATION, NaturalCorpus.TEST)) {
            List<Result> clean = results.stream()
                    .filter(r -> r.c().defect() == null && r.c().clip().split().equals(split))
                    .toList();
            double falseAlarms = (double) clean.stream()
                            .filter(r -> !r.failedChecks().isEmpty())
                            .count()
                    / clean.size();
            System.out.printf(
                    Locale.ROOT,
                    "%s clean clips failing any check: %.0f %% (target at most %.0f %%%s)%n",
                    split,
                    100 * falseAlarms,
                    100 * TARGET_FALSE_ALARMS,
                    falseAlarms <= TARGET_FALSE_ALARMS ? "" : ", not met");
            assertThat(falseAlarms)
                    .as("%s clean clips failing any check", split)
                    .isLessThanOrEqualTo(FALSE_ALARM_CEILING);
        }
    }

    /**
     * With {@code -Dreelforge.corpus.checksOut=FILE}, every clip's every check (passed, value, detail) as one line each,
     * in case order: two runs' files diff to the check that moved, e.g. before and after a change meant to keep every
     * result (a cost change).
     */
    private static void dumpChecks(List<Result> results) throws IOException {
        String out = System.getProperty("reelforge.corpus.checksOut", "");
        if (out.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Result r : results) {
            String clip = r.c().defect() == null
                    ? r.c().clip().name() + " clean"
                    : String.format(
                            Locale.ROOT,
                            "%s %s:%.3f seed %d",
                            r.c().clip().name(),
                            r.c().defect().label(),
                            r.c().strength(),
                            r.c().seed());
            r.checks()
                    .forEach(ch -> lines.add(String.join(
                            "\t",
                            clip,
                            ch.name(),
                            Boolean.toString(ch.passed()),
                            Double.toString(ch.value()),
                            ch.detail())));
        }
        Files.write(Path.of(out), lines);
    }

    /** {@value #CLIPS_PER_DEFECT} clips per defect kind, drawn in turn from the half's clips, at seeded strengths. */
    private static List<Case> defectCases(List<Clip> clips, long seedBase) {
        List<Case> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seedBase);
        long seed = seedBase;
        for (NaturalDefect defect : NaturalDefect.values()) {
            List<Clip> eligible = clips.stream()
                    .filter(c -> defect != NaturalDefect.RELIT
                            || (c.cuts().isEmpty() && c.storyboard().beats().size() > 1))
                    .toList();
            for (int i = 0; i < CLIPS_PER_DEFECT; i++) {
                cases.add(new Case(
                        eligible.get((i * 7 + defect.ordinal()) % eligible.size()),
                        defect,
                        random.nextDouble(),
                        seed++));
            }
        }
        return cases;
    }

    private static List<Result> run(List<Case> cases) throws Exception {
        FfmpegClipAnalyzer analyzer = new FfmpegClipAnalyzer(Ffmpeg.bundled());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    Path file = c.defect() == null
                            ? corpus.clean(c.clip())
                            : corpus.withDefect(c.clip(), c.defect(), c.strength(), c.seed());
                    ClipMetrics metrics = analyzed(analyzer, file);
                    return new Result(
                            c,
                            ClipChecks.evaluate(
                                    metrics, c.clip().settings(), c.clip().storyboard(), ReviewThresholds.defaults()));
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The clip's metrics; with {@code -Dreelforge.corpus.reuseMetrics=true} they are kept beside the clip and read
     * back on the next run, so tuning a check re-runs in seconds. Only for tuning the checks: a change to the analyzer
     * needs a run without it.
     */
    private static ClipMetrics analyzed(FfmpegClipAnalyzer analyzer, Path file) throws IOException {
        if (!Boolean.getBoolean("reelforge.corpus.reuseMetrics")) {
            return analyzer.analyze(file);
        }
        Path kept = file.resolveSibling(file.getFileName() + ".metrics.json");
        if (Files.exists(kept)) {
            return METRICS_JSON.readValue(kept.toFile(), ClipMetrics.class);
        }
        ClipMetrics metrics = analyzer.analyze(file);
        METRICS_JSON.writeValue(kept.toFile(), metrics);
        return metrics;
    }

    private static String table(List<Result> results, Function<Result, String> rowOf) {
        Map<String, List<Result>> rows = new TreeMap<>(results.stream().collect(Collectors.groupingBy(rowOf)));
        List<String> names = results.isEmpty()
                ? List.of()
                : results.get(0).checks().stream().map(Check::name).toList();
        StringBuilder out = new StringBuilder("| clips \\ failed check | n |");
        names.forEach(n -> out.append(' ').append(n).append(" |"));
        out.append(" any |\n|---|---|").append("---|".repeat(names.size() + 1)).append('\n');
        rows.forEach((row, rs) -> {
            out.append("| ").append(row).append(" | ").append(rs.size()).append(" |");
            for (String name : names) {
                out.append(String.format(
                        Locale.ROOT,
                        " %d%% |",
                        Math.round(
                                100.0 * rs.stream().filter(r -> r.failed(name)).count() / rs.size())));
            }
            out.append(String.format(
                    Locale.ROOT,
                    " %d%% |%n",
                    Math.round(100.0
                            * rs.stream()
                                    .filter(r -> !r.failedChecks().isEmpty())
                                    .count()
                            / rs.size())));
        });
        return out.toString();
    }

    /** Per check: the clean clips' worst value and, for the defect it must catch, its weakest, applicable ones only. */
    private static String margins(List<Result> results) {
        StringBuilder out = new StringBuilder();
        for (NaturalDefect defect : NaturalDefect.values()) {
            double[] caught = results.stream()
                    .filter(r -> r.c().defect() == defect)
                    .map(r -> r.check(defect.check()))
                    .filter(Check::applicable)
                    .mapToDouble(Check::value)
                    .sorted()
                    .toArray();
            double[] clean = results.stream()
                    .filter(r -> r.c().defect() == null)
                    .map(r -> r.check(defect.check()))
                    .filter(Check::applicable)
                    .mapToDouble(Check::value)
                    .sorted()
                    .toArray();
            out.append(String.format(
                    Locale.ROOT,
                    "margin %-13s %-15s defect values %s | clean values (top 5) %s%n",
                    defect.label(),
                    defect.check(),
                    summary(caught, false),
                    summary(clean, true)));
        }
        return out.toString();
    }

    private static String summary(double[] sorted, boolean top) {
        if (sorted.length == 0) {
            return "none";
        }
        int from = top ? Math.max(0, sorted.length - 5) : 0;
        int to = top ? sorted.length : Math.min(5, sorted.length);
        StringBuilder out = new StringBuilder(top ? "" : "lowest ");
        for (int i = from; i < to; i++) {
            out.append(String.format(Locale.ROOT, "%.3f ", sorted[i]));
        }
        return out.append(String.format(Locale.ROOT, "(n=%d, median %.3f)", sorted.length, sorted[sorted.length / 2]))
                .toString();
    }

    private record Case(Clip clip, NaturalDefect defect, double strength, long seed) {}

    private record Result(Case c, List<Check> checks) {
        boolean failed(String name) {
            return checks.stream().anyMatch(ch -> ch.name().equals(name) && !ch.passed());
        }

        Check check(String name) {
            return checks.stream()
                    .filter(ch -> ch.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        List<Check> failedChecks() {
            return checks.stream().filter(ch -> !ch.passed()).toList();
        }

        boolean wrong() {
            return c.defect() == null
                    ? !failedChecks().isEmpty()
                    : !failed(c.defect().check());
        }

        String describe() {
            String what = c.defect() == null
                    ? "clean"
                    : String.format(Locale.ROOT, "%s:%.2f seed %d", c.defect().label(), c.strength(), c.seed());
            Map<String, String> shown = new LinkedHashMap<>();
            checks.stream()
                    .filter(ch -> !ch.passed()
                            || (c.defect() != null
                                    && ch.name().equals(c.defect().check())))
                    .forEach(ch -> shown.put(ch.name(), ch.value() + " (" + ch.detail() + ")"));
            return c.clip().name() + " " + what + ": " + shown;
        }
    }
}
