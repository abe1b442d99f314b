package dev.reelforge.local.runtime;

import dev.reelforge.local.stack.LocalAccount;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine files exactly as deployed ({@code infrastructure/statemachine/*.asl.json}, copied onto the
 * classpath by the build), with the same DefinitionSubstitutions SAM applies, filled with local ARNs.
 */
public final class Definitions {
    /** Lambda function names, as in template.yaml, by the substitution variable that carries their ARN. */
    public static final Map<String, String> FUNCTIONS = functions();

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private Definitions() {}

    private static Map<String, String> functions() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ValidateFunctionArn", "reelforge-validate");
        names.put("SubmitFunctionArn", "reelforge-submit");
        names.put("PollFunctionArn", "reelforge-poll");
        names.put("ReviewScoreFunctionArn", "reelforge-review-score");
        names.put("RecutFunctionArn", "reelforge-recut");
        names.put("PostProcessFunctionArn", "reelforge-post-process");
        names.put("FinalizeFunctionArn", "reelforge-finalize");
        names.put("RecordFailureFunctionArn", "reelforge-record-failure");
        names.put("ApprovalFunctionArn", "reelforge-approval");
        names.put("WebhookFunctionArn", "reelforge-webhook");
        return Map.copyOf(names);
    }

    /**
     * Substitutions for the local engine: function ARNs in the local account, the media task's cluster, and the
     * local stack's default clips bucket (where a large batch's items file lives).
     */
    public static Map<String, String> localSubstitutions() {
        Map<String, String> values = new LinkedHashMap<>();
        FUNCTIONS.forEach((variable, name) -> values.put(variable, LocalTaskResolver.functionArn(name)));
        values.put("MediaClusterArn", LocalAccount.arn("ecs", "cluster/reelforge-media"));
        values.put("MediaTaskDefinitionArn", LocalAccount.arn("ecs", "task-definition/reelforge-media:1"));
        values.put("MediaCapacityProvider", "reelforge-gpu");
        values.put("RenderStateMachineArn", LocalWorkflow.stateMachineArn(LocalWorkflow.RENDER_MACHINE));
        values.put("EventBusName", "default");
        values.put("ClipsBucketName", LocalAwsStack.Settings.DEFAULT_BUCKET);
        return values;
    }

    public static String load(String fileName) {
        try (InputStream in = Definitions.class.getResourceAsStream("/statemachine/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException(
                        "state machine " + fileName + " is not on the classpath; rebuild the CLI");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every {@code ${Name}}; a variable without a value is an error, as in a SAM deployment. */
    public static String substitute(String definition, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no DefinitionSubstitution for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
