package dev.mediapipeline.fn.pollusage.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.usage.UsageReport;

import java.util.List;

/**
 * CloudWatch Embedded Metric Format: Lambda's log pipeline turns each line into a metric datapoint, with the
 * labels as dimensions. One document per sample, e.g.
 * <pre>{@code
 * {"_aws":{"Timestamp":1775030400000,"CloudWatchMetrics":[{"Namespace":"MediaPipeline",
 *   "Dimensions":[["resource","kind"]],"Metrics":[{"Name":"cloudinary_usage_bytes","Unit":"Bytes"}]}]},
 *  "resource":"storage","kind":"usage","cloudinary_usage_bytes":8.69E9}
 * }</pre>
 * The line must reach the log as it is (no timestamp or level in front), see the module README.
 */
public final class EmfUsageLines implements UsageLines {

    private final String namespace;
    private final ObjectMapper json;

    public EmfUsageLines(String namespace, ObjectMapper json) {
        this.namespace = namespace;
        this.json = json;
    }

    @Override
    public List<String> lines(UsageReport report) {
        long timestamp = report.polledAt().toEpochMilli();
        return UsageMetricSamples.of(report).stream().map(sample -> line(sample, timestamp)).toList();
    }

    private String line(MetricSample sample, long timestamp) {
        ObjectNode root = json.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestamp);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensions = directive.putArray("Dimensions").addArray();
        sample.labels().keySet().forEach(dimensions::add);
        ObjectNode metric = directive.putArray("Metrics").addObject();
        metric.put("Name", sample.name());
        metric.put("Unit", sample.unit());
        sample.labels().forEach(root::put);
        root.put(sample.name(), sample.value());
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EMF line could not be written", e);
        }
    }
}
