package dev.mediapipeline.cloud.gcp.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CloudLoggingFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext loggers = new LoggerContext();
    private final CloudLoggingFormatter formatter = new CloudLoggingFormatter();

    @Test
    void aLineCarriesSeverityMessageTimeAndTheKeyValuesAsTopLevelFields() throws Exception {
        LoggingEvent event = event(Level.WARN, "orphan {} kept", null, "a-1");
        event.setTimeStamp(1_767_225_600_000L);
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("assetId", "a-1"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("deleted", 3));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("dryRun", true));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("severity", "spoofed"));

        String text = formatter.format(event);
        JsonNode line = JSON.readTree(text);

        assertThat(text).endsWith("\n").doesNotContain("log.level").hasLineCount(1);
        assertThat(line.path("severity").asText()).isEqualTo("WARNING");
        assertThat(line.path("message").asText()).isEqualTo("orphan a-1 kept");
        assertThat(line.path("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(line.path("logger").asText()).isEqualTo("dev.mediapipeline.Example");
        assertThat(line.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.path("assetId").asText()).isEqualTo("a-1");
        assertThat(line.path("deleted").isIntegralNumber()).isTrue();
        assertThat(line.path("deleted").asInt()).isEqualTo(3);
        assertThat(line.path("dryRun").isBoolean()).isTrue();
        assertThat(line.has("stack_trace")).isFalse();
    }

    @Test
    void aThrowableIsWrittenAsItsStackTrace() throws Exception {
        JsonNode line = JSON.readTree(formatter.format(event(Level.ERROR, "failed", new IllegalStateException("boom"))));

        assertThat(line.path("severity").asText()).isEqualTo("ERROR");
        assertThat(line.path("stack_trace").asText()).contains("java.lang.IllegalStateException: boom")
                .contains("at dev.mediapipeline.cloud.gcp.runtime.CloudLoggingFormatterTest");
    }

    @ParameterizedTest
    @CsvSource({"TRACE, DEBUG", "DEBUG, DEBUG", "INFO, INFO", "WARN, WARNING", "ERROR, ERROR"})
    void logbackLevelsMapToCloudLoggingSeverities(String level, String severity) {
        assertThat(CloudLoggingFormatter.severity(Level.toLevel(level))).isEqualTo(severity);
    }

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... arguments) {
        return new LoggingEvent("fqcn", loggers.getLogger("dev.mediapipeline.Example"), level, message, thrown,
                arguments);
    }
}
