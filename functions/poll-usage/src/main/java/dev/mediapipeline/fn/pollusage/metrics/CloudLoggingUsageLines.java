package dev.mediapipeline.fn.pollusage.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.usage.UsageReport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Cloud Logging structured entries: a JSON line on stdout becomes a log entry whose {@code jsonPayload} holds these
 * fields ({@code severity}, {@code message} and {@code time} are read by Cloud Logging itself). A log-based metric
 * filters on {@code jsonPayload.metric}, takes its value from {@code jsonPayload.value} and its labels from
 * {@code jsonPayload.labels.*}, e.g.
 * <pre>{@code
 * {"severity":"INFO","message":"cloudinary_usage_ratio{resource=storage} 0.81","metric":"cloudinary_usage_ratio",
 *  "value":0.81,"labels":{"resource":"storage"},"time":"2026-04-01T08:00:00Z"}
 * }</pre>
 */
public final class CloudLoggingUsageLines implements UsageLines {

    private final ObjectMapper json;

    public CloudLoggingUsageLines(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<String> lines(UsageReport report) {
        String time = report.polledAt().toString();
        return UsageMetricSamples.of(report).stream().map(sample -> line(sample, time)).toList();
    }

    private String line(MetricSample sample, String time) {
        ObjectNode entry = json.createObjectNode();
        entry.put("severity", "INFO");
        entry.put("message", sample.name() + sample.labels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(",", "{", "}")) + " " + sample.value());
        entry.put("metric", sample.name());
        entry.put("value", sample.value());
        ObjectNode labels = entry.putObject("labels");
        sample.labels().forEach(labels::put);
        entry.put("time", time);
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Cloud Logging line could not be written", e);
        }
    }
}
