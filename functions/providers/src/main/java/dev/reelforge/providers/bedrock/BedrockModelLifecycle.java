package dev.reelforge.providers.bedrock;

import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ModelLifecycleSource;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycle;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/**
 * Bedrock's own lifecycle for a foundation model: {@code GetFoundationModel}'s {@code modelLifecycle} ({@code status}
 * ACTIVE or LEGACY, with {@code endOfLifeTime} once announced). A model Bedrock no longer knows
 * ({@code ResourceNotFoundException}), or whose end of life has passed, is retired. Any other failure (access denied,
 * throttling) is raised, so the refresh writes nothing rather than guess. Thread-safe.
 */
public final class BedrockModelLifecycle implements ModelLifecycleSource {
    /** The provider whose models this source checks: {@link #provider()}, for wiring that must know it up front. */
    public static final String PROVIDER = BedrockAsyncProvider.NAME;

    private final BedrockClient bedrock;
    private final Clock clock;

    public BedrockModelLifecycle(BedrockClient bedrock, Clock clock) {
        this.bedrock = bedrock;
        this.clock = clock;
    }

    /** The control-plane client for {@code region}, with the URL-connection HTTP client the Lambda jars carry. */
    public static BedrockClient defaultClient(String region) {
        return BedrockClient.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Status lookup(String model) {
        FoundationModelLifecycle lifecycle;
        try {
            lifecycle = bedrock.getFoundationModel(r -> r.modelIdentifier(model))
                    .modelDetails()
                    .modelLifecycle();
        } catch (ResourceNotFoundException gone) {
            return new Status(Lifecycle.RETIRED, null, "GetFoundationModel: no such model (ResourceNotFoundException)");
        } catch (BedrockException e) {
            throw new ProviderFailedException("Bedrock GetFoundationModel for " + model + " failed ("
                    + e.awsErrorDetails().errorCode() + ", HTTP " + e.statusCode()
                    + "); nothing is written until every model can be checked");
        }
        if (lifecycle == null) {
            throw new ProviderFailedException("Bedrock GetFoundationModel for " + model + " gave no modelLifecycle");
        }
        Instant end = lifecycle.endOfLifeTime();
        LocalDate endOfLife = end == null ? null : LocalDate.ofInstant(end, ZoneOffset.UTC);
        String detail =
                "GetFoundationModel: " + lifecycle.statusAsString() + (end == null ? "" : ", endOfLifeTime " + end);
        if (end != null && !clock.instant().isBefore(end)) {
            return new Status(Lifecycle.RETIRED, endOfLife, detail);
        }
        Lifecycle state = "LEGACY".equals(lifecycle.statusAsString()) ? Lifecycle.LEGACY : Lifecycle.ACTIVE;
        return new Status(state, endOfLife, detail);
    }
}
