package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaTaskConfigTest {
    private static final Map<String, String> DEPLOYED = Map.of(
            "REELFORGE_BUCKET", "clips",
            "REELFORGE_WORK_DIR", "/work",
            "MEDIA_PLAN_KEY", "plans/j-1.json",
            "MEDIA_RESULT_KEY", "results/j-1.json");

    @Test
    void from_localSigning_defaultsTheKeyDirUnderTheWorkDir() {
        MediaTaskConfig config = MediaTaskConfig.from(DEPLOYED);

        assertThat(config.deployment().bucket()).isEqualTo("clips");
        assertThat(config.planKey()).isEqualTo("plans/j-1.json");
        assertThat(config.resultKey()).isEqualTo("results/j-1.json");
        assertThat(config.provenanceKmsKeyId()).isNull();
        assertThat(config.provenanceKeyDir()).isEqualTo(Path.of("/work/keys"));
    }

    @Test
    void from_keyDirSet_usesIt() {
        MediaTaskConfig config = MediaTaskConfig.from(with("REELFORGE_PROVENANCE_KEY_DIR", "/keys"));

        assertThat(config.provenanceKeyDir()).isEqualTo(Path.of("/keys"));
    }

    @Test
    void from_kmsKeyWithChain_signsWithKms() {
        Map<String, String> env = new HashMap<>(with("REELFORGE_PROVENANCE_KMS_KEY_ID", " alias/reelforge "));
        env.put("REELFORGE_C2PA_CERTIFICATE_CHAIN_KEY", "keys/chain.pem");

        MediaTaskConfig config = MediaTaskConfig.from(env);

        assertThat(config.provenanceKmsKeyId()).isEqualTo("alias/reelforge");
        assertThat(config.certificateChainKey()).isEqualTo("keys/chain.pem");
    }

    @Test
    void from_kmsKeyWithoutChain_namesTheMissingVariable() {
        assertThatThrownBy(() -> MediaTaskConfig.from(with("REELFORGE_PROVENANCE_KMS_KEY_ID", "alias/reelforge")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("REELFORGE_C2PA_CERTIFICATE_CHAIN_KEY must name");
    }

    @Test
    void from_withoutPlan_leavesPlanAndResultUnset() {
        MediaTaskConfig config = MediaTaskConfig.from(Map.of("REELFORGE_BUCKET", "clips"));

        assertThat(config.planKey()).isNull();
        assertThat(config.resultKey()).isNull();
    }

    @Test
    void from_withoutBucket_namesTheMissingVariable() {
        assertThatThrownBy(() -> MediaTaskConfig.from(Map.of("MEDIA_PLAN_KEY", "p")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REELFORGE_BUCKET");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put(name, value);
        return env;
    }
}
