package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.scene.PlannedBeat;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Shot;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prompt corpus of issue 17: prompts written the ways creators' guides teach (inline and one-per-line beats,
 * frame-mapped storyboards, every cue phrasing, mixed units, prompts without beats, shot labels), each with the
 * beats, cues, ambience and shots a reader expects. {@code src/test/corpus/prompt_corpus.py} writes the fixture.
 */
class PromptCorpusTest {
    private static final String CORPUS = "/dev/reelforge/core/request/prompt-corpus.json";
    private static final double SECONDS = 1e-6;

    static Stream<Arguments> prompts() throws IOException {
        try (InputStream in = PromptCorpusTest.class.getResourceAsStream(CORPUS)) {
            JsonNode doc = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            doc.path("prompts").forEach(p -> cases.add(Arguments.of(p.path("id").asText(), p)));
            return cases.stream();
        }
    }

    @Test
    void corpus_holdsAtLeast150PromptsWrittenByHandAndComposed() throws IOException {
        List<String> sources = prompts()
                .map(a -> ((JsonNode) a.get()[1]).path("source").asText())
                .toList();

        assertThat(sources).hasSizeGreaterThanOrEqualTo(150).contains("hand", "template");
        assertThat(sources.stream().filter("hand"::equals).count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prompts")
    void parse_corpusPrompt_readsTheExpectedBeatsCuesAndShots(String id, JsonNode entry) {
        JsonNode expect = entry.path("expect");
        StoryboardParser.Result result = new StoryboardParser()
                .parse(
                        entry.path("prompt").asText(),
                        List.of(),
                        entry.path("durationSeconds").asDouble(),
                        entry.path("fps").asInt(24));

        if (expect.has("problem")) {
            assertThat(result.problems())
                    .anySatisfy(p -> assertThat(p.field() + ": " + p.message())
                            .contains(expect.path("problem").asText()));
            return;
        }
        assertThat(result.problems()).as("problems").isEmpty();
        Storyboard board = result.storyboard();
        ScenePlan plan = ScenePlan.of(board);
        assertThat(plan.beats()).as("beats").hasSize(expect.path("beats").size());
        for (int i = 0; i < plan.beats().size(); i++) {
            PlannedBeat beat = plan.beats().get(i);
            JsonNode want = expect.path("beats").get(i);
            assertThat(beat.startSeconds())
                    .as("beat %d start", i)
                    .isCloseTo(want.path("start").asDouble(), within(SECONDS));
            assertThat(beat.endSeconds())
                    .as("beat %d end", i)
                    .isCloseTo(want.path("end").asDouble(), within(SECONDS));
            assertThat(beat.shot())
                    .as("beat %d shot", i)
                    .isEqualTo(want.path("shot").asInt());
            if (want.has("text")) {
                assertThat(beat.text())
                        .as("beat %d text", i)
                        .isEqualTo(want.path("text").asText());
            }
        }
        List<String> cues = board.audioCues().stream()
                .map(c -> c.atSeconds() + " " + c.description())
                .toList();
        List<String> wanted = new ArrayList<>();
        expect.path("cues")
                .forEach(c -> wanted.add(
                        c.path("at").asDouble() + " " + c.path("sound").asText()));
        assertThat(cues).as("cues").isEqualTo(wanted);
        if (expect.has("ambience")) {
            List<String> ambience = new ArrayList<>();
            expect.path("ambience").forEach(a -> ambience.add(a.asText()));
            assertThat(board.ambience()).as("ambience").isEqualTo(ambience);
        }
        List<String> shots = plan.shots().stream().map(PromptCorpusTest::shot).toList();
        List<String> wantedShots = new ArrayList<>();
        expect.path("shots")
                .forEach(s -> wantedShots.add(String.format(
                        Locale.ROOT,
                        "%.3f-%.3f %s",
                        s.path("start").asDouble(),
                        s.path("end").asDouble(),
                        s.path("framing").asText("unspecified"))));
        assertThat(shots).as("shots").isEqualTo(wantedShots);
    }

    private static String shot(Shot shot) {
        return String.format(
                Locale.ROOT,
                "%.3f-%.3f %s",
                shot.startSeconds(),
                shot.endSeconds(),
                shot.framing().wireName());
    }
}
