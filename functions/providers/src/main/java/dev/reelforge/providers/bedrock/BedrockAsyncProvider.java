package dev.reelforge.providers.bedrock;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.PaidRenderLostException;
import dev.reelforge.core.error.ProviderFailedException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ProviderJobLedger;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.providers.internal.AmbiguousCreateException;
import dev.reelforge.providers.internal.ProviderErrors;
import dev.reelforge.providers.internal.SubmitOnce;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;

/**
 * The {@code bedrock-async} adapter: Amazon Bedrock StartAsyncInvoke / GetAsyncInvoke (Luma Ray2 request mapping)
 * through SDK v2. Bedrock writes the MP4 straight into our bucket under {@code outputPrefix}, so download is a copy
 * out of our own {@link ClipStore}, not a race against an expiring URL. StartAsyncInvoke takes an idempotency token:
 * the SHA-256 of our key is sent as {@code clientRequestToken}, and the {@link ProviderJobLedger} is consulted as
 * well so that a resumed key needs no Bedrock call at all. A start whose answer was lost (timeout, 5xx) is simply
 * repeated under the same token, which Bedrock answers with the invocation the lost call started. Thread-safe.
 *
 * <pre>{@code
 * VideoProvider bedrock = new BedrockAsyncProvider(client, URI.create("s3://reelforge-clips/provider-output/bedrock"),
 *         clipStore, ledger, Clock.systemUTC());
 * }</pre>
 */
public final class BedrockAsyncProvider implements VideoProvider {
    public static final String NAME = "bedrock-async";
    private static final Pattern INVOCATION_ARN =
            Pattern.compile("arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke/[a-z0-9]{12}");
    private static final int POLL_SECONDS = 15;

    private final BedrockRuntimeClient bedrock;
    private final URI outputPrefix;
    private final ClipStore bucket;
    private final SubmitOnce once;
    private final BedrockErrors errors;

    /**
     * @param outputPrefix {@code s3://<our bucket>/<prefix>}; must be the bucket {@code bucket} reads
     */
    public BedrockAsyncProvider(
            BedrockRuntimeClient bedrock, URI outputPrefix, ClipStore bucket, ProviderJobLedger ledger, Clock clock) {
        if (!"s3".equals(outputPrefix.getScheme()) || outputPrefix.getHost() == null) {
            throw new IllegalArgumentException("Bedrock output prefix must be s3://bucket/prefix, not " + outputPrefix);
        }
        this.bedrock = bedrock;
        this.outputPrefix = outputPrefix;
        this.bucket = bucket;
        this.once = new SubmitOnce(ledger, clock, NAME);
        this.errors = new BedrockErrors(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A client for {@code region} with the small URL-connection HTTP client and the default credentials chain; the
     * SDK honours {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} to point it at a local fake.
     */
    public static BedrockRuntimeClient defaultClient(String region) {
        return BedrockRuntimeClient.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    /** The idempotency token Bedrock sees for one of our keys: 64 hex digits, within its 256-character limit. */
    public static String clientRequestToken(String idempotencyKey) {
        return Sha256.hex(idempotencyKey);
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        spec.requireNoGuides(name());
        return once.submit(
                idempotencyKey,
                () -> start(spec, idempotencyKey),
                this::poll,
                new SubmitOnce.Reconciliation.IdempotencyKey());
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        GetAsyncInvokeResponse invocation = get(providerJobId);
        AsyncInvokeStatus status = invocation.status();
        if (status == AsyncInvokeStatus.COMPLETED) {
            return new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "");
        }
        if (status == AsyncInvokeStatus.FAILED) {
            String message = invocation.failureMessage();
            return new ProviderJob(
                    providerJobId,
                    ProviderJob.State.FAILED,
                    0,
                    1,
                    (ProviderErrors.isModeration(message)
                                    ? "Bedrock's content filters refused this clip: "
                                    : "Bedrock failed: ")
                            + ProviderErrors.clean(message));
        }
        return new ProviderJob(providerJobId, ProviderJob.State.IN_PROGRESS, 0, POLL_SECONDS, "");
    }

    @Override
    public void download(String providerJobId, Path target) {
        GetAsyncInvokeResponse invocation = get(providerJobId);
        if (invocation.status() != AsyncInvokeStatus.COMPLETED) {
            throw new ProviderFailedException("the Bedrock invocation has not completed (" + invocation.statusAsString()
                    + "); poll until it is COMPLETED");
        }
        String key = BedrockOutput.videoKey(invocation, outputPrefix);
        try {
            bucket.download(key, target);
        } catch (NoSuchElementException e) {
            throw new PaidRenderLostException("Bedrock reported the render complete but " + bucket.locate(key)
                    + " does not exist (deleted by a lifecycle rule?); the render was paid for but lost");
        }
    }

    private ProviderJob start(GenerationSpec spec, String idempotencyKey) {
        if (!spec.remixOf().isEmpty() || !spec.referenceImage().isEmpty()) {
            throw new ProviderFailedException(NAME + " adapter renders text-to-video only: remix is not mapped, and"
                    + " Bedrock's Ray2 input has no image field (Validate refuses a referenceImage for it)");
        }
        Document input = Document.mapBuilder()
                .putString("prompt", spec.prompt())
                .putString("aspect_ratio", spec.settings().aspectRatio().label())
                .putString("duration", Math.round(spec.settings().durationSeconds()) + "s")
                .putString("resolution", spec.settings().resolution().label())
                .putBoolean("loop", false)
                .build();
        try {
            String arn = bedrock.startAsyncInvoke(b -> b.modelId(spec.model())
                            .modelInput(input)
                            .clientRequestToken(clientRequestToken(idempotencyKey))
                            .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri(outputPrefix.toString()))))
                    .invocationArn();
            return new ProviderJob(arn, ProviderJob.State.QUEUED, 0, POLL_SECONDS, "");
        } catch (SdkException e) {
            if (BedrockErrors.ambiguous(e)) {
                throw new AmbiguousCreateException("Bedrock is throttling or unavailable on StartAsyncInvoke ("
                        + e.getClass().getSimpleName() + ")");
            }
            throw errors.map(e, "StartAsyncInvoke");
        }
    }

    private GetAsyncInvokeResponse get(String invocationArn) {
        if (invocationArn == null || !INVOCATION_ARN.matcher(invocationArn).matches()) {
            throw new ProviderFailedException(
                    "not a Bedrock async invocation ARN: " + ProviderErrors.clean(invocationArn));
        }
        try {
            return bedrock.getAsyncInvoke(b -> b.invocationArn(invocationArn));
        } catch (SdkException e) {
            throw errors.map(e, "GetAsyncInvoke");
        }
    }
}
