package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.UsageReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The poll's figures as Micrometer gauges (the local runner serves them on {@code GET /metrics}).
 *
 * <p>Meter names are the runbook names with dots ({@code cloudinary.usage.bytes}) and no base unit, so Prometheus'
 * naming convention gives back exactly {@code cloudinary_usage_bytes}, {@code cloudinary_usage_ratio} and
 * {@code media_storage_bytes}; the failure counter becomes {@code media_usage_poll_failures_total}. Each poll
 * replaces the previous poll's rows: a folder that disappeared, or a provider that failed, leaves no stale gauge.
 */
public final class MicrometerUsageMetrics implements UsageMetrics {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            UsageMetricSamples.USAGE, "Cloudinary usage and limit per metered resource, in the resource's unit",
            UsageMetricSamples.RATIO, "Cloudinary usage / limit per metered resource",
            UsageMetricSamples.STORAGE_BYTES, "Bytes stored in the media bucket per folder",
            UsageMetricSamples.STORAGE_OBJECTS, "Objects stored in the media bucket per folder",
            UsageMetricSamples.POLL_FAILURES, "Parts of a usage poll that could not be read");

    private final MeterRegistry registry;
    private final Map<String, MultiGauge> gauges;
    /** The rows hold the values the gauges read; keeping them here keeps them from being collected. */
    private volatile List<MultiGauge.Row<?>> live = List.of();

    public MicrometerUsageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.gauges = List.of(UsageMetricSamples.USAGE, UsageMetricSamples.RATIO, UsageMetricSamples.STORAGE_BYTES,
                        UsageMetricSamples.STORAGE_OBJECTS).stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), name -> MultiGauge.builder(meterName(name))
                        .description(DESCRIPTIONS.get(name))
                        .register(registry)));
    }

    @Override
    public synchronized void publish(UsageReport report) {
        List<MetricSample> samples = UsageMetricSamples.of(report);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        gauges.forEach((name, gauge) -> {
            List<MultiGauge.Row<?>> these = samples.stream()
                    .filter(sample -> !sample.counter() && sample.name().equals(name))
                    .<MultiGauge.Row<?>>map(sample -> MultiGauge.Row.of(tags(sample), sample.value()))
                    .toList();
            rows.addAll(these);
            gauge.register(these, true);
        });
        live = List.copyOf(rows);
        samples.stream().filter(MetricSample::counter).forEach(sample -> Counter.builder(meterName(sample.name()))
                .description(DESCRIPTIONS.get(sample.name()))
                .tags(tags(sample))
                .register(registry)
                .increment(sample.value()));
    }

    private static Tags tags(MetricSample sample) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> label : sample.labels().entrySet()) {
            tags = tags.and(label.getKey(), label.getValue());
        }
        return tags;
    }

    private static String meterName(String runbookName) {
        return runbookName.replace('_', '.');
    }
}
