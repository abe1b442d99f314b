package dev.reelforge.media.analysis.natural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The analyzer re-measures a sample of the natural corpus exactly as it measured it before: the metrics that
 * {@code -Dreelforge.corpus.reuseMetrics=true} keeps beside each clip (written by an earlier analyzer) against a fresh
 * analysis, every field: integers, booleans, strings, thumbnails and contact sheet exactly, doubles to within
 * {@value #RELATIVE} relative (floating-point noise). A change meant only to make the analysis cheaper must pass it.
 * The sample takes {@value #PER_GROUP} kept clips from each of the four groups (calibration and test half, clean and
 * with a defect), evenly spread over the group's sorted names. Skipped until a run has kept metrics for them.
 */
@Tag("acceptance-corpus")
class KeptMetricsReproducedTest {
    static final int PER_GROUP = 8;
    static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void analyze_sampleOfKeptCorpusClips_reproducesEveryKeptMetric() throws IOException {
        NaturalCorpus corpus = NaturalCorpus.load(NaturalFootage.folder(), Ffmpeg.bundled());
        Map<String, List<Path>> groups = new TreeMap<>();
        try (Stream<Path> files = Files.list(NaturalFootage.folder().resolve("corpus"))) {
            for (Path kept : files.filter(f -> f.getFileName().toString().endsWith(".mp4.metrics.json"))
                    .sorted()
                    .toList()) {
                Path clip = kept.resolveSibling(kept.getFileName().toString().replace(".metrics.json", ""));
                group(corpus, clip.getFileName().toString())
                        .filter(g -> Files.isRegularFile(clip))
                        .ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>())
                                .add(clip));
            }
        }
        assumeTrue(
                groups.size() == 4 && groups.values().stream().allMatch(g -> g.size() >= PER_GROUP),
                "needs kept metrics in every group; run NaturalCorpusAcceptanceTest with"
                        + " -Dreelforge.corpus.reuseMetrics=true -Dreelforge.corpus.calibration=true first");

        FfmpegClipAnalyzer analyzer = new FfmpegClipAnalyzer(Ffmpeg.bundled());
        List<String> differences = new ArrayList<>();
        int analysed = 0;
        for (List<Path> group : groups.values()) {
            for (int k = 0; k < PER_GROUP; k++) {
                Path clip = group.get(k * group.size() / PER_GROUP);
                JsonNode kept = JSON.readTree(clip.resolveSibling(clip.getFileName() + ".metrics.json")
                        .toFile());
                JsonNode fresh = JSON.readTree(JSON.writeValueAsString(analyzer.analyze(clip)));
                compare(clip.getFileName().toString(), kept, fresh, differences);
                analysed++;
            }
        }

        assertThat(analysed).isGreaterThanOrEqualTo(30);
        assertThat(differences).as("metrics that moved").isEmpty();
    }

    /** "calibration clean", "test defect", … for a corpus file, from the clip whose name it starts with. */
    private static Optional<String> group(NaturalCorpus corpus, String file) {
        return corpus.clips().stream()
                .filter(c -> file.startsWith(c.name() + "-"))
                .max(Comparator.comparingInt(c -> c.name().length()))
                .map(c -> c.split()
                        + (file.substring(c.name().length()).matches("-[0-9a-f]{12}\\.mp4") ? " clean" : " defect"));
    }

    private static void compare(String at, JsonNode kept, JsonNode fresh, List<String> out) {
        if (kept.isNumber() && fresh.isNumber() && !(kept.isIntegralNumber() && fresh.isIntegralNumber())) {
            double a = kept.asDouble();
            double b = fresh.asDouble();
            if (Math.abs(a - b) > RELATIVE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                out.add(at + ": " + a + " kept, " + b + " now");
            }
        } else if (kept.isObject() && fresh.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            kept.fieldNames().forEachRemaining(names::add);
            fresh.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (kept.has(name) && fresh.has(name)) {
                    compare(at + "." + name, kept.get(name), fresh.get(name), out);
                } else {
                    out.add(at + "." + name + ": only " + (kept.has(name) ? "kept" : "now"));
                }
            }
        } else if (kept.isArray() && fresh.isArray() && kept.size() == fresh.size()) {
            for (int i = 0; i < kept.size(); i++) {
                compare(at + "[" + i + "]", kept.get(i), fresh.get(i), out);
            }
        } else if (!kept.equals(fresh)) {
            out.add(at + ": differs (" + brief(kept) + " kept, " + brief(fresh) + " now)");
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "… (" + text.length() + " chars)";
    }
}
