package dev.mediapipeline.cloud.gcp.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

import java.time.Instant;

/**
 * One JSON object per line in the shape Cloud Logging reads from a function's stdout: {@code severity} (which the
 * built-in {@code ecs} format writes as {@code log.level}, so every line showed as DEFAULT), {@code message} and
 * {@code time}, then {@code logger}, {@code thread}, the SLF4J key-values as top-level fields (they land in
 * {@code jsonPayload}, where they can be filtered on) and {@code stack_trace} when a throwable is attached. A key-value
 * named like one of those fields does not replace it. Configured with
 * {@code logging.structured.format.console=dev.mediapipeline.cloud.gcp.runtime.CloudLoggingFormatter}.
 */
public class CloudLoggingFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(ILoggingEvent event) {
        ObjectNode line = JSON.createObjectNode()
                .put("severity", severity(event.getLevel()))
                .put("message", event.getFormattedMessage())
                .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("logger", event.getLoggerName())
                .put("thread", event.getThreadName());
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (pair.key != null && !line.has(pair.key)) {
                    putValue(line, pair.key, pair.value);
                }
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.put("stack_trace", ThrowableProxyUtil.asString(thrown));
        }
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a log line as JSON", e);
        }
    }

    /** Cloud Logging's LogSeverity names; TRACE has none below DEBUG. */
    static String severity(Level level) {
        if (level == null) {
            return "DEFAULT";
        }
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }

    /** Numbers and booleans keep their JSON type, so they can be compared in a log query; anything else is text. */
    private static void putValue(ObjectNode line, String key, Object value) {
        if (value == null) {
            line.putNull(key);
        } else if (value instanceof Boolean bool) {
            line.put(key, bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            line.put(key, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            line.put(key, number.doubleValue());
        } else {
            line.put(key, String.valueOf(value));
        }
    }
}
