package dev.reelforge.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.port.FrameSampler;
import dev.reelforge.core.review.judge.ClipJudging;
import dev.reelforge.core.review.judge.JudgeMode;
import dev.reelforge.providers.judge.ChatJudgeSettings;
import dev.reelforge.providers.judge.OpenAiChatJudge;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Whether and how the optional visual judge reviews clips (docs/review-checks.md, "The visual judge"): off unless
 * the environment says otherwise. Its key comes from the environment (locally) or a Secrets Manager secret (in
 * AWS) and is never printed. Only ReviewScore builds a judge, with the frame sampler of the media package.
 *
 * <pre>
 * REELFORGE_JUDGE_MODE=advisory                          (off | advisory | binding)
 * REELFORGE_JUDGE_BASE_URL=https://gateway.example/v1   REELFORGE_JUDGE_MODEL=a-vision-model
 * REELFORGE_JUDGE_API_KEY=…                             (or REELFORGE_JUDGE_API_KEY_SECRET=arn)
 * REELFORGE_JUDGE_FRAMES=8                              (stills per clip, 1–32)
 * </pre>
 */
public record JudgeConfig(JudgeMode mode, URI baseUrl, String model, String apiKey, String apiKeySecret, int frames) {
    private static final int MAX_FRAMES = 32;

    static JudgeConfig from(Map<String, String> env) {
        JudgeMode mode = JudgeMode.parse(env.get("REELFORGE_JUDGE_MODE"));
        String frames = blankToNull(env.get("REELFORGE_JUDGE_FRAMES"));
        String baseUrl = blankToNull(env.get("REELFORGE_JUDGE_BASE_URL"));
        JudgeConfig config = new JudgeConfig(
                mode,
                baseUrl == null ? null : URI.create(baseUrl),
                blankToNull(env.get("REELFORGE_JUDGE_MODEL")),
                blankToNull(env.get("REELFORGE_JUDGE_API_KEY")),
                blankToNull(env.get("REELFORGE_JUDGE_API_KEY_SECRET")),
                frames == null ? ClipJudging.DEFAULT_FRAMES : parseFrames(frames));
        config.requireComplete();
        return config;
    }

    /** The same settings in another mode, e.g. {@code reelforge review --judge advisory}. */
    public JudgeConfig withMode(JudgeMode newMode) {
        JudgeConfig config = new JudgeConfig(newMode, baseUrl, model, apiKey, apiKeySecret, frames);
        config.requireComplete();
        return config;
    }

    /** The judging ReviewScore applies; {@code secrets} turns a secret ARN into its value (Secrets Manager in AWS). */
    public ClipJudging judging(FrameSampler sampler, UnaryOperator<String> secrets, ObjectMapper json, Clock clock) {
        if (mode == JudgeMode.OFF) {
            return ClipJudging.off();
        }
        String key = apiKey != null ? apiKey : secrets.apply(apiKeySecret);
        return ClipJudging.of(
                mode, sampler, new OpenAiChatJudge(ChatJudgeSettings.of(baseUrl, key, model), json, clock), frames);
    }

    /**
     * The judging of a local run (the CLI), which has no Secrets Manager: the key must be in
     * REELFORGE_JUDGE_API_KEY, and a configuration naming only a secret is refused when the judge is built.
     */
    public ClipJudging judgingWithEnvironmentKey(FrameSampler sampler, ObjectMapper json, Clock clock) {
        return judging(
                sampler,
                secretArn -> {
                    throw new IllegalStateException(
                            "local runs read the judge's key from REELFORGE_JUDGE_API_KEY, not from Secrets Manager");
                },
                json,
                clock);
    }

    private void requireComplete() {
        if (mode == JudgeMode.OFF) {
            return;
        }
        String missing = baseUrl == null
                ? "REELFORGE_JUDGE_BASE_URL"
                : model == null
                        ? "REELFORGE_JUDGE_MODEL"
                        : apiKey == null && apiKeySecret == null
                                ? "REELFORGE_JUDGE_API_KEY (or REELFORGE_JUDGE_API_KEY_SECRET)"
                                : null;
        if (missing != null) {
            throw new IllegalStateException(
                    "the visual judge is " + mode.name().toLowerCase(Locale.ROOT) + " but " + missing + " is not set");
        }
    }

    private static int parseFrames(String text) {
        try {
            int frames = Integer.parseInt(text);
            if (frames >= 1 && frames <= MAX_FRAMES) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalStateException(
                "REELFORGE_JUDGE_FRAMES must be a whole number from 1 to " + MAX_FRAMES + ", not '" + text + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "JudgeConfig[mode=" + mode + ", baseUrl=" + baseUrl + ", model=" + model + ", frames=" + frames
                + ", key=***]";
    }
}
