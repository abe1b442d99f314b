package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.review.judge.JudgeMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeConfigTest {
    private static final Map<String, String> COMPLETE = Map.of(
            "REELFORGE_JUDGE_MODE",
            "advisory",
            "REELFORGE_JUDGE_BASE_URL",
            "https://gateway.example/v1",
            "REELFORGE_JUDGE_MODEL",
            "vision-1",
            "REELFORGE_JUDGE_API_KEY",
            "sk-judge-config-test");

    private static Map<String, String> without(String name) {
        Map<String, String> env = new HashMap<>(COMPLETE);
        env.remove(name);
        return env;
    }

    @Test
    void from_nothingSet_isOffAndJudgesNothing() {
        JudgeConfig config = JudgeConfig.from(Map.of());

        assertThat(config.mode()).isEqualTo(JudgeMode.OFF);
        assertThat(config.judging(null, id -> "", new ObjectMapper(), Clock.systemUTC())
                        .mode())
                .isEqualTo(JudgeMode.OFF);
    }

    @Test
    void from_completeAdvisory_readsEverySettingWithEightStills() {
        JudgeConfig config = JudgeConfig.from(COMPLETE);

        assertThat(config.mode()).isEqualTo(JudgeMode.ADVISORY);
        assertThat(config.baseUrl()).hasToString("https://gateway.example/v1");
        assertThat(config.model()).isEqualTo("vision-1");
        assertThat(config.frames()).isEqualTo(8);
        assertThat(config.toString()).doesNotContain("sk-judge-config-test");
    }

    @Test
    void from_judgeOnWithoutItsUrlModelOrKey_namesTheMissingVariable() {
        assertThatThrownBy(() -> JudgeConfig.from(without("REELFORGE_JUDGE_BASE_URL")))
                .hasMessageContaining("REELFORGE_JUDGE_BASE_URL");
        assertThatThrownBy(() -> JudgeConfig.from(without("REELFORGE_JUDGE_MODEL")))
                .hasMessageContaining("REELFORGE_JUDGE_MODEL");
        assertThatThrownBy(() -> JudgeConfig.from(without("REELFORGE_JUDGE_API_KEY")))
                .hasMessageContaining("REELFORGE_JUDGE_API_KEY (or REELFORGE_JUDGE_API_KEY_SECRET)");
    }

    @Test
    void from_secretInsteadOfKey_resolvesTheSecretWhenTheJudgeIsBuilt() {
        Map<String, String> env = without("REELFORGE_JUDGE_API_KEY");
        env.put("REELFORGE_JUDGE_API_KEY_SECRET", "arn:aws:secretsmanager:us-east-1:123456789012:secret:judge");
        Map<String, Integer> lookups = new HashMap<>();

        JudgeConfig.from(env)
                .judging(
                        (clip, count, side) -> List.of(),
                        id -> {
                            lookups.merge(id, 1, Integer::sum);
                            return "sk-from-secrets-manager";
                        },
                        new ObjectMapper(),
                        Clock.systemUTC());

        assertThat(lookups).containsExactly(Map.entry("arn:aws:secretsmanager:us-east-1:123456789012:secret:judge", 1));
    }

    @Test
    void from_framesOutsideOneToThirtyTwoOrUnknownMode_isRefused() {
        Map<String, String> env = new HashMap<>(COMPLETE);
        env.put("REELFORGE_JUDGE_FRAMES", "64");
        assertThatThrownBy(() -> JudgeConfig.from(env))
                .hasMessageContaining("REELFORGE_JUDGE_FRAMES")
                .hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> JudgeConfig.from(Map.of("REELFORGE_JUDGE_MODE", "sometimes")))
                .hasMessageContaining("off, advisory or binding");
    }
}
