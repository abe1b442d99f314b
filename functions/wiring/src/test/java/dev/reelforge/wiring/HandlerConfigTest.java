package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerConfigTest {
    private static HandlerConfig initializedAs(String type) {
        return HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b", "AWS_LAMBDA_INITIALIZATION_TYPE", type));
    }

    @Test
    void initializedAhead_snapStartAndProvisionedConcurrency_butNotOnDemand() {
        assertThat(initializedAs("snap-start").initializedAhead()).isTrue();
        assertThat(initializedAs("provisioned-concurrency").initializedAhead()).isTrue();
        assertThat(initializedAs("on-demand").initializedAhead()).isFalse();
        assertThat(HandlerConfig.from(Map.of("REELFORGE_BUCKET", "b")).initializedAhead())
                .as("outside Lambda (the CLI, tests) nothing is built ahead")
                .isFalse();
    }
}
