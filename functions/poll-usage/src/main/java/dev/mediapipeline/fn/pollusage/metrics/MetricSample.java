package dev.mediapipeline.fn.pollusage.metrics;

import java.util.Map;

/**
 * One figure of a poll in metric form, the same for every output (Prometheus, EMF, Cloud Logging).
 *
 * @param name    the metric's name as dashboards and runbooks spell it, e.g. {@code cloudinary_usage_bytes}
 * @param labels  ordered: the order is the EMF dimension order
 * @param unit    a CloudWatch unit: {@code Bytes}, {@code Count} or {@code None}
 * @param counter true for an increment (failures), false for a level (gauges)
 */
public record MetricSample(String name, Map<String, String> labels, double value, String unit, boolean counter) {
}
