package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.UsageReport;

/** Publishes one poll's figures as metrics (Prometheus gauges, CloudWatch EMF or Cloud Logging lines). */
@FunctionalInterface
public interface UsageMetrics {

    UsageMetrics NONE = report -> { };

    void publish(UsageReport report);
}
