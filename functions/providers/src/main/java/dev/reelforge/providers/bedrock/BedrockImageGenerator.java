package dev.reelforge.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.ContentRejectedException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ImageGenerator;
import dev.reelforge.core.reference.ImageSpec;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * {@link ImageGenerator} over Bedrock's InvokeModel with the Stability text-to-image body (Stable Image Core and
 * Ultra): {@code prompt}, {@code aspect_ratio} 9:16 or 16:9 from the frame, {@code output_format: png} and the
 * seed; the answer's {@code images[0]} is the PNG, a {@code finish_reasons[0]} of {@code "Filter reason: …"} a
 * content refusal. Amazon's own image models (Nova Canvas, Titan Image) take another body and are retired, so
 * they are refused when the adapter is built. Thread-safe (the SDK client is).
 */
public final class BedrockImageGenerator implements ImageGenerator {
    /** Stable Image's seed range is 0..4294967294. */
    private static final long SEED_RANGE = 4_294_967_295L;

    private final BedrockRuntimeClient bedrock;
    private final String model;
    private final ObjectMapper json;
    private final BedrockErrors errors;

    /** @throws IllegalArgumentException for a model that does not take the Stability body */
    public BedrockImageGenerator(BedrockRuntimeClient bedrock, String model, ObjectMapper json, Clock clock) {
        if (!model.startsWith("stability.")) {
            throw new IllegalArgumentException("the bedrock-image adapter speaks the Stability text-to-image body"
                    + " only; " + model + " is not a Stability model (set REELFORGE_IMAGE_MODEL to one)");
        }
        this.bedrock = bedrock;
        this.model = model;
        this.json = json;
        this.errors = new BedrockErrors(clock);
    }

    @Override
    public byte[] generate(ImageSpec spec) {
        ObjectNode body = json.createObjectNode()
                .put("prompt", spec.prompt())
                .put("aspect_ratio", spec.portrait() ? "9:16" : "16:9")
                .put("output_format", "png")
                .put("seed", Math.floorMod(spec.seed(), SEED_RANGE));
        InvokeModelResponse response;
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            response = bedrock.invokeModel(r -> r.modelId(model)
                    .contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromByteArray(bytes)));
        } catch (SdkException e) {
            throw errors.map(e, "InvokeModel");
        } catch (IOException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
        return image(response.body().asByteArray());
    }

    private byte[] image(byte[] answerBytes) {
        JsonNode answer;
        try {
            answer = json.readTree(answerBytes);
        } catch (IOException e) {
            throw new ProviderFailedException("Bedrock answered InvokeModel for " + model + " with no JSON");
        }
        String reason = answer.path("finish_reasons").path(0).asText("");
        if (reason.startsWith("Filter reason")) {
            throw new ContentRejectedException("Bedrock's content filters refused the reference image (" + reason
                    + "); rephrase the image prompt");
        }
        String b64 = answer.path("images").path(0).asText("");
        if (!reason.isEmpty() || b64.isEmpty()) {
            throw new ProviderFailedException("Bedrock answered InvokeModel for " + model + " without an image"
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new ProviderFailedException(
                    "Bedrock answered InvokeModel for " + model + " with an image that is" + " not base64");
        }
    }
}
