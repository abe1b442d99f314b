package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookReplayGuard;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookTokens;
import dev.reelforge.aws.sfn.SfnTaskCallback;
import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.TaskCallback;
import dev.reelforge.core.port.TaskTokenRegistry;
import dev.reelforge.core.port.WebhookReplayGuard;
import dev.reelforge.core.webhook.WebhookReceiver;
import dev.reelforge.core.webhook.WebhookRejectedException;
import dev.reelforge.core.webhook.WebhookRequest;
import dev.reelforge.core.webhook.WebhookVerifier;
import dev.reelforge.core.webhook.WebhookWait;
import dev.reelforge.core.workflow.JobTicket;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import dev.reelforge.wiring.WebhookConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook function, for two callers. {@code WaitForWebhook} invokes it with {@code {"action": "await", "job",
 * "round", "token"}} and it registers the task token for the round's running provider jobs. A provider POSTs to its
 * Function URL at {@code /webhooks/<provider>} (a function URL event: {@code rawPath}, {@code headers},
 * {@code body}, {@code isBase64Encoded}); the delivery is verified and resumes the execution (202), or is refused
 * with the reason's status (401 forged, 400 stale, 409 replayed, 404 unknown) and nothing recorded.
 */
public final class WebhookHandler extends JsonHandler {
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final String PATH = "/webhooks/";

    private final WebhookWait wait;
    private final Supplier<Map<String, WebhookReceiver>> receivers;

    public WebhookHandler() {
        this(Services.fromEnvironment(), Services.fromEnvironment().aws());
    }

    private WebhookHandler(Services services, AwsClients aws) {
        this(
                services,
                new DynamoDbWebhookTokens(
                        aws.dynamoDb(), HandlerConfig.fromEnvironment().cacheTable(), services.clock()),
                new DynamoDbWebhookReplayGuard(
                        aws.dynamoDb(), HandlerConfig.fromEnvironment().cacheTable(), services.clock()),
                new SfnTaskCallback(aws.sfn()),
                verifiersFromSecret(services));
    }

    /** With its ports; {@code verifiers} by provider name, built on the first call that needs them. */
    public WebhookHandler(
            Services services,
            TaskTokenRegistry tokens,
            WebhookReplayGuard replays,
            TaskCallback callback,
            Supplier<Map<String, WebhookVerifier>> verifiers) {
        super(services.json());
        Supplier<Map<String, WebhookVerifier>> once = memo(verifiers);
        this.wait = new WebhookWait(tokens, name -> once.get().get(name), services.clock());
        this.receivers = memo(() -> {
            Map<String, WebhookReceiver> byProvider = new LinkedHashMap<>();
            once.get()
                    .forEach((name, verifier) -> byProvider.put(
                            name,
                            new WebhookReceiver(
                                    verifier, replays, tokens, callback::succeed, services.clock(), services.json())));
            return Map.copyOf(byProvider);
        });
    }

    @Override
    protected Object handle(JsonNode input) {
        if (input.has("rawPath")) {
            return delivery(input);
        }
        String action = input.path("action").asText("");
        if (!action.equals("await")) {
            throw InvalidRequestException.of(
                    "action", "must be await, or a function URL request, not '" + action + "'");
        }
        int registered = wait.await(
                field(input, "job", JobTicket.class),
                field(input, "round", RenderRound.class),
                input.path("token").asText(""));
        return Map.of("registered", registered);
    }

    private Map<String, Object> delivery(JsonNode event) {
        String path = event.path("rawPath").asText("");
        String method = event.path("requestContext").path("http").path("method").asText("POST");
        if (!path.startsWith(PATH)) {
            return answer(404, "webhooks are received under " + PATH + "<provider>");
        }
        if (!method.equals("POST")) {
            return answer(405, "webhooks are POSTed");
        }
        String provider = path.substring(PATH.length());
        WebhookReceiver receiver = receivers.get().get(provider);
        if (receiver == null) {
            return answer(404, "this deployment verifies no webhooks of '" + provider + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers")
                .fields()
                .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String body = event.path("body").asText("");
        byte[] bytes = event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        try {
            String job = receiver.receive(new WebhookRequest(headers, bytes));
            log.info("{} webhook resumed the render waiting on job {}", provider, job);
            return answer(202, "resumed the render waiting on " + job);
        } catch (WebhookRejectedException e) {
            log.warn("{} webhook refused ({}): {}", provider, e.status(), e.getMessage());
            return answer(e.status(), e.getMessage());
        } catch (ApprovalNotPendingException e) {
            log.info("{} webhook arrived after its render stopped waiting; it polls instead", provider);
            return answer(200, "the render no longer waits for this webhook; it polls the provider instead");
        }
    }

    private Map<String, Object> answer(int status, String message) {
        return Map.of(
                "statusCode",
                status,
                "headers",
                Map.of("content-type", "application/json"),
                "body",
                json().createObjectNode().put("message", message).toString());
    }

    private static Supplier<Map<String, WebhookVerifier>> verifiersFromSecret(Services services) {
        String secret = HandlerConfig.webhookSecretFromEnvironment();
        if (secret == null) {
            return Map::of;
        }
        return () -> WebhookConfig.verifiers(
                Services.secretsManager(HandlerConfig.fromEnvironment().region())
                        .apply(secret),
                services.json());
    }

    private static <T> Supplier<T> memo(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
