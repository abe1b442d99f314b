package dev.reelforge.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ImageGenerator;
import dev.reelforge.core.reference.ImageModels;
import dev.reelforge.core.reference.ReferenceGeneration;
import dev.reelforge.providers.bedrock.BedrockAsyncProvider;
import dev.reelforge.providers.bedrock.BedrockImageGenerator;
import dev.reelforge.providers.openai.OpenAiImageGenerator;
import dev.reelforge.providers.openai.OpenAiImagesSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Which image generator makes {@code "referenceImage": {"generate": …}} stills, from the environment:
 *
 * <pre>
 * REELFORGE_IMAGE_GENERATOR=animatic-still (default) | openai-images | bedrock-image | none
 * REELFORGE_IMAGE_MODEL=gpt-image-1             (default: the generator's first model in image-generators.json)
 * REELFORGE_IMAGE_PRICE_USD=0.04                (a deployer's price per image, for a model the data has none for)
 * REELFORGE_IMAGES_BASE_URL=https://gateway.example/v1   REELFORGE_IMAGES_API_KEY=… (or …_API_KEY_SECRET=arn)
 * REELFORGE_IMAGE_BEDROCK_REGION=us-west-2
 * </pre>
 *
 * The key is never printed.
 */
public record ImageGeneratorConfig(
        String generator,
        String model,
        Double priceUsd,
        String baseUrl,
        String apiKey,
        String apiKeySecret,
        String bedrockRegion,
        String region) {
    public static final String ANIMATIC_STILL = "animatic-still";

    static ImageGeneratorConfig from(Map<String, String> env) {
        String price = blankToNull(env.get("REELFORGE_IMAGE_PRICE_USD"));
        try {
            return new ImageGeneratorConfig(
                    env.getOrDefault("REELFORGE_IMAGE_GENERATOR", ANIMATIC_STILL)
                            .strip(),
                    env.getOrDefault("REELFORGE_IMAGE_MODEL", "").strip(),
                    price == null ? null : Double.valueOf(price),
                    blankToNull(env.get("REELFORGE_IMAGES_BASE_URL")),
                    blankToNull(env.get("REELFORGE_IMAGES_API_KEY")),
                    blankToNull(env.get("REELFORGE_IMAGES_API_KEY_SECRET")),
                    env.getOrDefault("REELFORGE_IMAGE_BEDROCK_REGION", "us-west-2"),
                    env.getOrDefault("AWS_REGION", "us-east-1"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("REELFORGE_IMAGE_PRICE_USD must be a number of dollars", e);
        }
    }

    /**
     * The generation Validate uses, or null for {@code none}. The adapter is built on the first prompt, so a
     * request without one builds no client.
     *
     * @throws IllegalStateException for a generator or model the data does not list, or one missing its settings
     */
    public ReferenceGeneration build(Services services) {
        return build(services, Services.secretsManager(region));
    }

    /** As above, with {@code secrets} turning the key's secret ARN into its value. */
    public ReferenceGeneration build(Services services, UnaryOperator<String> secrets) {
        if (generator.equals("none")) {
            return null;
        }
        ImageModels.ImageModel data;
        try {
            data = ImageModels.bundled(services.json()).find(generator, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("REELFORGE_IMAGE_GENERATOR/REELFORGE_IMAGE_MODEL: " + e.getMessage(), e);
        }
        ImageModels.ImageModel priced = priceUsd == null ? data : data.withPrice(priceUsd);
        Supplier<ImageGenerator> adapter = Lazy.of(() -> adapter(priced.model(), services.json(), secrets));
        return new ReferenceGeneration(
                services::clips, spec -> adapter.get().generate(spec), priced, services::dailyBudget);
    }

    private ImageGenerator adapter(String modelId, ObjectMapper json, UnaryOperator<String> secrets) {
        return switch (generator) {
            case "openai-images" -> {
                if (baseUrl == null || (apiKey == null && apiKeySecret == null)) {
                    throw new IllegalStateException("REELFORGE_IMAGE_GENERATOR is openai-images but"
                            + " REELFORGE_IMAGES_BASE_URL or REELFORGE_IMAGES_API_KEY(_SECRET) is not set");
                }
                String key = apiKey != null ? apiKey : secrets.apply(apiKeySecret);
                yield new OpenAiImageGenerator(
                        OpenAiImagesSettings.of(URI.create(baseUrl), key, modelId), json, Clock.systemUTC());
            }
            case "bedrock-image" ->
                new BedrockImageGenerator(
                        BedrockAsyncProvider.defaultClient(bedrockRegion), modelId, json, Clock.systemUTC());
            default -> packaged();
        };
    }

    /** A generator another package contributes, or one that refuses by name where this package carries none. */
    private ImageGenerator packaged() {
        for (ImageGeneratorFactory factory : ServiceLoader.load(ImageGeneratorFactory.class)) {
            if (factory.name().equals(generator)) {
                return factory.create();
            }
        }
        return spec -> {
            throw InvalidRequestException.of(
                    ImageModels.FIELD,
                    "the " + generator + " image generator is not in this function's package; deploy Validate"
                            + " from functions/handlers-media, or set REELFORGE_IMAGE_GENERATOR to openai-images or"
                            + " bedrock-image");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ImageGeneratorConfig[generator=" + generator + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "unset" : "***") + "]";
    }
}
