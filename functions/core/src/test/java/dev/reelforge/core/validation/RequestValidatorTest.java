package dev.reelforge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {
    private static final Path REQUESTS = Path.of("../../events/requests");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ObjectMapper json = new ObjectMapper();
    private final RequestParser parser = new RequestParser(json);
    private final RequestValidator validator =
            new RequestValidator(ContentPolicy.load(json), CapabilityCatalog.bundled(json), Set.of("animatic"));

    private RenderRequest sample(String name) throws IOException {
        return parser.parse(Files.readString(REQUESTS.resolve(name)));
    }

    private RenderRequest withPrompt(String prompt) {
        return parser.parse(json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", prompt));
    }

    @Test
    void validate_mugDrop_acceptedWithoutPhysicsWarnings() throws IOException {
        var accepted = validator.validate(sample("mug-drop.json"), TODAY);

        assertThat(accepted.model().model()).isEqualTo("animatic-1");
        assertThat(accepted.estimate().usd()).isZero();
        assertThat(accepted.warnings()).isEmpty();
    }

    @Test
    void validate_vaguePrompt_warnsAboutWeightCameraAndAudio() {
        var accepted = validator.validate(withPrompt("Something happens in a room, nicely."), TODAY);

        assertThat(accepted.warnings())
                .hasSize(3)
                .anySatisfy(w -> assertThat(w).contains("weight and material"))
                .anySatisfy(w -> assertThat(w).contains("camera"))
                .anySatisfy(w -> assertThat(w).contains("audio cues"));
    }

    @Test
    void validate_hybridStyleInPromptText_namesThePrompt() {
        RenderRequest request =
                withPrompt("A photorealistic anime cat naps on a 2 kg wool cushion. Camera: locked-off.");

        assertThatThrownBy(() -> validator.validate(request, TODAY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("prompt: 'photorealistic' and 'anime' mix styles");
    }

    @Test
    void validate_styleRuledOut_isNotAHybrid() {
        var accepted = validator.validate(withPrompt("A photorealistic cat, no anime look. Camera: tripod."), TODAY);

        assertThat(accepted.warnings()).noneSatisfy(w -> assertThat(w).contains("style"));
    }

    @Test
    void validate_styleInANegativeSection_isNotAHybrid() {
        var accepted = validator.validate(
                withPrompt("A photorealistic 2 kg ceramic vase on a desk. Camera: tripod.\n"
                        + "Negative: cartoon, anime, CGI"),
                TODAY);

        assertThat(accepted.warnings()).noneSatisfy(w -> assertThat(w).contains("style"));
    }

    @Test
    void validate_promptStyleDiffersFromSettingsStyle_warns() {
        var accepted =
                validator.validate(withPrompt("An anime fox (6 kg) leaps over a wooden fence. Camera: tripod."), TODAY);

        assertThat(accepted.warnings())
                .anySatisfy(
                        w -> assertThat(w).contains("the prompt's style (anime) is not settings.style 'photoreal'"));
    }

    @Test
    void validate_unitsInProse_countAsWeight() {
        for (String weight : List.of("a 2 lb kettlebell", "an 8 oz tumbler", "a 1.5 kg melon", "a 350g cup")) {
            var accepted = validator.validate(withPrompt(weight + " on a desk. Camera: tripod."), TODAY);

            assertThat(accepted.warnings())
                    .as(weight)
                    .noneSatisfy(w -> assertThat(w).contains("weight"));
        }
    }

    @Test
    void validate_materialWithoutWeight_asksForTheWeight() {
        var accepted = validator.validate(withPrompt("A ceramic bowl sits on a desk. Camera: tripod."), TODAY);

        assertThat(accepted.warnings()).anySatisfy(w -> assertThat(w).contains("give the subject a weight"));
    }

    @Test
    void validate_fallWithoutHeight_asksHowFarUnlessADistanceIsGiven() {
        var vague = validator.validate(withPrompt("A heavy glass marble falls onto stone. Camera: tripod."), TODAY);
        var stated =
                validator.validate(withPrompt("A heavy glass marble falls 3 feet onto stone. Camera: tripod."), TODAY);

        assertThat(vague.warnings()).anySatisfy(w -> assertThat(w).contains("how far"));
        assertThat(stated.warnings()).noneSatisfy(w -> assertThat(w).contains("how far"));
    }

    @Test
    void validate_sameSoundCuedAgainAndAgain_warnsOfDesync() {
        var accepted = validator.validate(
                withPrompt("A heavy wooden ball on a tile floor. Camera: tripod.\nAudio: bounce at"
                        + " 00:01, second bounce at 00:02, another bounce at 00:03, bounces at 00:04, thud at 00:05"),
                TODAY);

        assertThat(accepted.warnings())
                .anySatisfy(w -> assertThat(w).contains("'bounce' is cued 4 times"))
                .noneSatisfy(w -> assertThat(w).contains("'thud'"));
    }

    @Test
    void validate_realPerson_rejectedWithTheMatchedName() throws IOException {
        RenderRequest request = sample("invalid-real-person.json");

        assertThatThrownBy(() -> validator.validate(request, TODAY))
                .isInstanceOf(ContentRejectedException.class)
                .hasMessageContaining("prompt: depicts a real person ('Taylor Swift')");
    }

    @Test
    void validate_minorsAndCharactersAndMusic_rejected() {
        assertThatThrownBy(() -> validator.validate(withPrompt("A 7-year-old drops a heavy glass."), TODAY))
                .hasMessageContaining("minor");
        assertThatThrownBy(() -> validator.validate(withPrompt("Pikachu drops a heavy glass."), TODAY))
                .hasMessageContaining("copyrighted character");
        assertThatThrownBy(
                        () -> validator.validate(withPrompt("A glass falls while a song by a pop star plays."), TODAY))
                .hasMessageContaining("copyrighted music");
    }

    @Test
    void validate_wordsContainingPolicyTerms_notRejected() {
        assertThat(validator.validate(
                        withPrompt("A heavy kidney-shaped stone (2 kg) on a tripod shot, skidding."), TODAY))
                .isNotNull();
    }

    @Test
    void validate_hybridStyle_namesSettingsStyle() throws IOException {
        RenderRequest request = sample("invalid-hybrid-style.json");

        assertThatThrownBy(() -> validator.validate(request, TODAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.field()).isEqualTo("settings.style")));
    }

    @Test
    void validate_crowd_refusedWithTheLimit() {
        assertThatThrownBy(() ->
                        validator.validate(withPrompt("Hundreds of dancers in a heavy rain, tripod shot."), TODAY))
                .hasMessageContaining("crowd");
        assertThatThrownBy(
                        () -> validator.validate(withPrompt("12 people lift a heavy oak table, static camera."), TODAY))
                .hasMessageContaining("crowd limit of 5");
        assertThat(validator.validate(withPrompt("3 people lift a heavy oak table, static camera."), TODAY))
                .isNotNull();
    }

    @Test
    void validate_retiredModel_namesTheActiveAlternatives() throws IOException {
        RenderRequest request = sample("invalid-retired-model.json");

        assertThatThrownBy(() -> validator.validate(request, TODAY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("provider.model: openai-videos/sora-2 was retired on 2026-09-24")
                .hasMessageContaining("usable: animatic/animatic-1");
    }

    @Test
    void validate_providerWithoutAdapter_refused() {
        RenderRequest request = parser.parse(json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", "A heavy iron kettle, tripod shot.")
                .set("provider", json.createObjectNode().put("name", "bedrock-async")));

        assertThatThrownBy(() -> validator.validate(request, TODAY))
                .hasMessageContaining("provider.name: 'bedrock-async' has no adapter in this deployment");
    }

    @Test
    void validate_falModelNamedExplicitly_acceptedAndAnUnknownPathShapedOneRefused() {
        var fal = new RequestValidator(
                ContentPolicy.load(json), CapabilityCatalog.bundled(json), Set.of("animatic", "fal-queue"));
        Function<String, RenderRequest> asking = model -> parser.parse(json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", "A heavy iron kettle, tripod shot.")
                .put("budgetUsd", 100)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "settings",
                        json.createObjectNode()
                                .put("aspectRatio", "9:16")
                                .put("durationSeconds", 5)
                                .put("resolution", "720p"))
                .set(
                        "provider",
                        json.createObjectNode().put("name", "fal-queue").put("model", model)));

        assertThat(fal.validate(asking.apply("fal-ai/luma-dream-machine/ray-2"), TODAY)
                        .model()
                        .model())
                .isEqualTo("fal-ai/luma-dream-machine/ray-2");
        assertThatThrownBy(() -> fal.validate(asking.apply("fal-ai/../../admin"), TODAY))
                .hasMessageContaining("provider.model");
        assertThatThrownBy(() -> asking.apply("/etc/passwd")).hasMessageContaining("provider.model");
    }

    @Test
    void validate_costOverBudget_namesBudget() {
        var catalog = CapabilityCatalog.bundled(json);
        var paid = new RequestValidator(ContentPolicy.load(json), catalog, Set.of("animatic", "fal-queue"));
        var node = json.createObjectNode()
                .put("tenant", "acme")
                .put("clientRequestId", "t1")
                .put("prompt", "A heavy iron kettle, tripod shot.")
                .put("budgetUsd", 1.0);
        node.putObject("settings").put("durationSeconds", 5);
        node.putObject("provider").put("name", "fal-queue");
        var request = parser.parse(node);

        assertThatThrownBy(() -> paid.validate(request, TODAY))
                .hasMessageContaining("budgetUsd: the first attempt is estimated at $1.15");
    }
}
