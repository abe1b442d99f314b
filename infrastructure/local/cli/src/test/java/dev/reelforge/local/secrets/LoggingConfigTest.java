package dev.reelforge.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI's logging configuration (and the tests' copy, which {@link ProviderKeysNeverLoggedTest} runs with) keeps
 * the AWS SDK's SigV4 signers below DEBUG: at DEBUG they log the canonical request, session token included.
 */
class LoggingConfigTest {
    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/simplelogger.properties", "src/test/resources/simplelogger.properties"})
    void simpleLogger_cliAndTestConfig_pinTheSigV4SignersAtInfo(String file) throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file))) {
            config.load(in);
        }

        assertThat(config.getProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.http.auth.aws"))
                .isEqualTo("info");
        assertThat(config.getProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.auth.signer"))
                .isEqualTo("info");
    }
}
