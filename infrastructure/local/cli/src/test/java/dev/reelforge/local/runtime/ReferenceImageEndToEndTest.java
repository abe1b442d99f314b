package dev.reelforge.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mug drop with a reference image, through render.asl.json on the local stack: Validate fits the image,
 * the animatic opens on it, review's reference-match measures it, and the image's content is in the cache key; a
 * {@code {"generate": …}} prompt is made into the animatic's still first, kept under its prompt and reused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceImageEndToEndTest {
    private static final Path MUG_DROP = Path.of("../../../events/requests/mug-drop.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static LocalAwsStack stack;
    private static CountingProvider provider;
    private static LocalWorkflow workflow;

    @BeforeAll
    static void startStack() {
        stack = LocalAwsStack.start(dataDir);
        provider = new CountingProvider(new AnimaticProvider(dataDir.resolve("animatic")));
        workflow = new LocalWorkflow(stack, dataDir, EngineClock.system(), Map.of("animatic", provider));
        stack.clipStore().putBytes("references/demo/mug.png", Stills.png(540, 900, 0), "image/png");
        stack.clipStore().putBytes("references/demo/mug-2.png", Stills.png(540, 900, 5), "image/png");
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static ExecutionResult run(String key, String executionName) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(MUG_DROP));
        request.put("referenceImage", key);
        return run(request, executionName);
    }

    private static ExecutionResult generate(String prompt, String executionName) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(MUG_DROP));
        request.putObject("referenceImage").put("generate", prompt);
        return run(request, executionName);
    }

    private static ExecutionResult run(ObjectNode request, String executionName) {
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        return workflow.render(input, executionName, new ExecutionListener() {});
    }

    private static JsonNode report(ExecutionResult result) throws IOException {
        return JSON.readTree(
                Path.of(stack.clipStore().locate(result.output().path("report").asText()))
                        .toFile());
    }

    @Test
    @Order(1)
    void mugDropWithReference_opensOnTheFittedImageAndPassesReferenceMatch() throws IOException {
        ExecutionResult result = run("references/demo/mug.png", "ref-first");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode match = null;
        for (JsonNode check : report(result).path("checks")) {
            if (check.path("name").asText().equals("reference-match")) {
                match = check;
            }
        }
        assertThat(match).as("the report has a reference-match check").isNotNull();
        assertThat(match.path("passed").asBoolean()).isTrue();
        assertThat(match.path("value").asDouble()).isGreaterThanOrEqualTo(0.9);
        System.out.println(
                "end to end reference-match SSIM: " + match.path("value").asDouble());
    }

    @Test
    @Order(2)
    void sameImageAgain_isACacheHit() throws IOException {
        ExecutionResult result = run("references/demo/mug.png", "ref-again");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("cacheHit").asBoolean())
                .as("the first render was approved and cached")
                .isTrue();
        assertThat(stack.jobStore().find("ref-again").orElseThrow().cacheKey())
                .isEqualTo(stack.jobStore().find("ref-first").orElseThrow().cacheKey());
    }

    @Test
    @Order(3)
    void differentImage_isACacheMiss() throws IOException {
        ExecutionResult result = run("references/demo/mug-2.png", "ref-other");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("cacheHit").asBoolean()).isFalse();
        assertThat(stack.jobStore().find("ref-other").orElseThrow().cacheKey())
                .isNotEqualTo(stack.jobStore().find("ref-first").orElseThrow().cacheKey());
    }

    @Test
    @Order(4)
    void generatedReference_stillFromTheAnimaticKeptWithTheJobAndMatched() throws IOException {
        ExecutionResult result = generate("A heavy white ceramic mug on a wooden kitchen table", "ref-generated");

        assertThat(result.status())
                .as("%s: %s", result.error(), result.cause())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        var image =
                stack.jobStore().find("ref-generated").orElseThrow().detail().referenceImage();
        assertThat(image.prompt()).isEqualTo("A heavy white ceramic mug on a wooden kitchen table");
        assertThat(image.generator()).isEqualTo("animatic-still/animatic-still-1");
        assertThat(image.key()).startsWith("references/demo/generated/");
        assertThat(stack.clipStore().exists(image.key())).isTrue();
        assertThat(stack.clipStore().exists(image.fittedKey())).isTrue();
        JsonNode match = null;
        for (JsonNode check : report(result).path("checks")) {
            if (check.path("name").asText().equals("reference-match")) {
                match = check;
            }
        }
        assertThat(match).isNotNull();
        assertThat(match.path("passed").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void samePromptAgain_sameStillAndACacheHit() throws IOException {
        ExecutionResult result = generate("A heavy white ceramic mug on a wooden kitchen table", "ref-generated-again");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output().path("cacheHit").asBoolean()).isTrue();
        assertThat(stack.jobStore()
                        .find("ref-generated-again")
                        .orElseThrow()
                        .detail()
                        .referenceImage())
                .isEqualTo(stack.jobStore()
                        .find("ref-generated")
                        .orElseThrow()
                        .detail()
                        .referenceImage());
    }
}
