package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance corpus for the review checks (issue 3), judged with the animatic's review profile: animatic clips, seeded, every defect kind at two strengths
 * plus clean clips (76 in all, 360x640 at 24 fps, 4 s), generated here and never checked in. Each defect must be
 * caught by its own check with recall ≥ 95 %, and clean clips may fail any check in at most 5 % of cases. The
 * confusion table (defect × check failure rate) is printed for BENCHMARKS.md. A smaller corpus in the other
 * orientation and size (854x480, 30 fps, 5 s: the weaker strength of every defect and clean clips) holds the same
 * bounds, because the analysis sizes, row sampling and sample counts depend on the clip's geometry.
 */
@Tag("acceptance-corpus")
class DefectCorpusAcceptanceTest {
    /** The limits ReviewScore applies to the animatic's clips: its profile in review-profiles.json. */
    private static final ReviewThresholds ANIMATIC =
            ReviewProfiles.bundled(new ObjectMapper()).forProvider("animatic");

    private static final Map<String, String> CHECK_FOR_DEFECT = new LinkedHashMap<>();
    private static final Map<String, List<String>> STRENGTHS = new LinkedHashMap<>();
    private static final int SEEDS_PER_STRENGTH = 4;
    private static final int CLEAN_CLIPS = 20;
    private static final String[] OBJECTS = {"mug", "ball", "vase", "box"};

    static {
        CHECK_FOR_DEFECT.put("flicker", "flicker");
        CHECK_FOR_DEFECT.put("blur", "blur");
        CHECK_FOR_DEFECT.put("freeze", "frozen");
        CHECK_FOR_DEFECT.put("black", "black");
        CHECK_FOR_DEFECT.put("cut", "unexpected-cut");
        CHECK_FOR_DEFECT.put("blocky", "blockiness");
        CHECK_FOR_DEFECT.put("audio-offset", "av-sync");
        STRENGTHS.put("flicker", List.of("0.2", "0.6"));
        STRENGTHS.put("blur", List.of("0.4", "0.8"));
        STRENGTHS.put("freeze", List.of("0.2", "0.7"));
        STRENGTHS.put("black", List.of("0.2", "0.7"));
        STRENGTHS.put("cut", List.of("0.2", "0.7"));
        STRENGTHS.put("blocky", List.of("0.3", "0.8"));
        STRENGTHS.put("audio-offset", List.of("150", "400"));
    }

    @TempDir
    Path dir;

    @Test
    void corpus_everyDefectKindAtTwoStrengths_caughtByItsCheckAndCleanClipsPass() throws Exception {
        List<Case> cases = cases(2, SEEDS_PER_STRENGTH, CLEAN_CLIPS);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);

        assertRecallAndCleanPassRate(
                cases, new RenderSettings(AspectRatio.PORTRAIT_9_16, 4.0, Resolution.R360P, 24, 1, ""));
    }

    @Test
    void corpus_landscape480pAt30Fps_weakerStrengthOfEveryDefectCaughtAndCleanClipsPass() throws Exception {
        assertRecallAndCleanPassRate(
                cases(1, 2, 6), new RenderSettings(AspectRatio.LANDSCAPE_16_9, 5.0, Resolution.R480P, 30, 1, ""));
    }

    /** The first {@code strengths} strengths of each defect, {@code seeds} clips each, then {@code clean} clean clips. */
    private static List<Case> cases(int strengths, int seeds, int clean) {
        List<Case> cases = new ArrayList<>();
        long seed = 1;
        for (String defect : STRENGTHS.keySet()) {
            for (String strength : STRENGTHS.get(defect).subList(0, strengths)) {
                for (int i = 0; i < seeds; i++) {
                    cases.add(new Case(defect, defect + ":" + strength, seed++));
                }
            }
        }
        for (int i = 0; i < clean; i++) {
            cases.add(new Case("clean", "", seed++));
        }
        return cases;
    }

    private void assertRecallAndCleanPassRate(List<Case> cases, RenderSettings settings) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        AnimaticRenderer renderer = new AnimaticRenderer(ffmpeg);
        FfmpegClipAnalyzer analyzer = new FfmpegClipAnalyzer(ffmpeg);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Check>>> futures = new ArrayList<>();
        for (Case c : cases) {
            futures.add(pool.submit(() -> {
                GenerationSpec spec = spec(c, settings);
                Path clip = dir.resolve("clip-" + c.seed() + ".mp4");
                renderer.render(spec, clip, p -> {});
                ClipMetrics metrics = analyzer.analyze(clip);
                return ClipChecks.evaluate(metrics, spec.settings(), spec.storyboard(), ANIMATIC);
            }));
        }
        Map<String, int[]> failures = new LinkedHashMap<>();
        Map<String, double[]> margins = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<Check> checks = futures.get(i).get();
            int[] row = failures.computeIfAbsent(c.kind(), k -> new int[ClipChecks.NAMES.size() + 1]);
            totals.merge(c.kind(), 1, Integer::sum);
            boolean anyFailed = false;
            for (int k = 0; k < checks.size(); k++) {
                if (!checks.get(k).passed()) {
                    row[k]++;
                    anyFailed = true;
                }
            }
            if (anyFailed) {
                row[ClipChecks.NAMES.size()]++;
            }
            String expected = CHECK_FOR_DEFECT.get(c.kind());
            for (Check check : checks) {
                String kind = CHECK_FOR_DEFECT.entrySet().stream()
                        .filter(e -> e.getValue().equals(check.name()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (kind != null && (kind.equals(c.kind()) || expected == null)) {
                    double[] range = margins.computeIfAbsent(
                            check.name(), k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
                    if (expected == null) {
                        range[1] = Math.max(range[1], check.value());
                    } else {
                        range[0] = Math.min(range[0], check.value());
                    }
                }
            }
            boolean wrong = expected == null
                    ? anyFailed
                    : checks.stream().anyMatch(ch -> ch.name().equals(expected) && ch.passed());
            if (wrong) {
                misses.add(c.defect() + " seed " + c.seed() + ": "
                        + checks.stream()
                                .filter(ch -> expected == null
                                        ? !ch.passed()
                                        : ch.name().equals(expected))
                                .map(ch -> ch.name() + "=" + ch.value() + " (" + ch.detail() + ")")
                                .toList());
            }
        }
        pool.shutdown();
        String table = table(failures, totals);
        System.out.printf(
                Locale.ROOT,
                "corpus %s %s %d fps %.0f s, %d clips%n",
                settings.aspectRatio().label(),
                settings.resolution().label(),
                settings.fps(),
                settings.durationSeconds(),
                cases.size());
        System.out.println(table);
        misses.forEach(m -> System.out.println("MISS " + m));
        margins.forEach((check, r) -> System.out.printf(
                Locale.ROOT, "margin %-15s weakest defect value %.3f, worst clean value %.3f%n", check, r[0], r[1]));

        for (Map.Entry<String, String> e : CHECK_FOR_DEFECT.entrySet()) {
            int caught = failures.get(e.getKey())[ClipChecks.NAMES.indexOf(e.getValue())];
            assertThat((double) caught / totals.get(e.getKey()))
                    .as("recall of %s on %s\n%s", e.getValue(), e.getKey(), table)
                    .isGreaterThanOrEqualTo(0.95);
        }
        double cleanFailRate = (double) failures.get("clean")[ClipChecks.NAMES.size()] / totals.get("clean");
        assertThat(cleanFailRate).as("clean clips failing any check\n%s", table).isLessThanOrEqualTo(0.05);
    }

    private static GenerationSpec spec(Case c, RenderSettings settings) {
        double boundary = 1.2 + 0.4 * (c.seed() % 3);
        double cue = boundary + 1.0 + 0.1 * (c.seed() % 5);
        String object = OBJECTS[(int) (c.seed() % OBJECTS.length)];
        Storyboard storyboard = new Storyboard(
                "A " + object + " on a table falls to the floor",
                List.of(
                        new Beat(0, boundary, "A " + object + " sits on a wooden table"),
                        new Beat(
                                boundary,
                                settings.durationSeconds(),
                                "The " + object + " tips and falls, hitting the floor")),
                List.of(new AudioCue(cue, "loud impact")));
        return new GenerationSpec(
                "a " + object + " falls",
                storyboard,
                settings,
                "animatic",
                c.seed(),
                c.defect().isEmpty() ? List.of() : List.of(c.defect()),
                "",
                "");
    }

    private static String table(Map<String, int[]> failures, Map<String, Integer> totals) {
        StringBuilder out = new StringBuilder("| clips \\ failed check | n |");
        ClipChecks.NAMES.forEach(n -> out.append(' ').append(n).append(" |"));
        out.append(" any |\n|---|---|")
                .append("---|".repeat(ClipChecks.NAMES.size() + 1))
                .append('\n');
        failures.forEach((kind, row) -> {
            int n = totals.get(kind);
            out.append("| ").append(kind).append(" | ").append(n).append(" |");
            for (int count : row) {
                out.append(String.format(Locale.ROOT, " %d%% |", Math.round(100.0 * count / n)));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private record Case(String kind, String defect, long seed) {}
}
