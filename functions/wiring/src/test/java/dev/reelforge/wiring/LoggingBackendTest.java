package dev.reelforge.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingBackendTest {
    @Test
    void handlers_bindARealSlf4jBackend_notTheNoOpOne() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
        assertThat(LoggerFactory.getLogger(Services.class).isInfoEnabled()).isTrue();
    }

    @Test
    void simpleloggerProperties_logsToStdoutAndKeepsTheSigV4SignersAtInfo() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Services.class.getClassLoader().getResourceAsStream("simplelogger.properties")) {
            assertThat(in).as("simplelogger.properties in the wiring module").isNotNull();
            config.load(in);
        }

        assertThat(config.getProperty("org.slf4j.simpleLogger.logFile")).isEqualTo("System.out");
        assertThat(config.getProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.http.auth.aws"))
                .isEqualTo("info");
        assertThat(config.getProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.auth.signer"))
                .isEqualTo("info");
    }
}
