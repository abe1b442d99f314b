package dev.reelforge.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The execution input the review end-to-end tests render: a small, fast animatic request (9:16, 5 s, 360p, one
 * variation) that accepts its best clip when it gives up, so a test's assertions are about the review loop alone.
 */
final class AnimaticRenderInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnimaticRenderInput() {}

    /** The execution input; {@code request} is the live request node, for a test to add defects to. */
    static ObjectNode of(String clientRequestId, String prompt, int maxAttempts) {
        ObjectNode request = JSON.createObjectNode();
        request.put("tenant", "demo");
        request.put("clientRequestId", clientRequestId);
        request.put("prompt", prompt);
        ObjectNode settings = request.putObject("settings");
        settings.put("aspectRatio", "9:16");
        settings.put("durationSeconds", 5);
        settings.put("resolution", "360p");
        settings.put("fps", 24);
        settings.put("variations", 1);
        settings.put("style", "animatic");
        request.putObject("provider").put("name", "animatic");
        request.put("maxAttempts", maxAttempts);
        request.put("onGiveUp", "accept-best");
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        return input;
    }
}
