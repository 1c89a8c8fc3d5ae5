package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.ResourceReport;
import dev.mediapipeline.domain.usage.SourceStatus;
import dev.mediapipeline.domain.usage.UsageReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a poll's report into metric samples with the runbook's names.
 *
 * <ul>
 *   <li>{@value #USAGE} {@code {resource, kind="usage"|"limit"}}: the provider's figure in the resource's own unit
 *       (bytes for storage and bandwidth, a count for transformations and objects, credits for credits; the name is
 *       the runbook's). No {@code limit} sample for a resource without a limit.</li>
 *   <li>{@value #RATIO} {@code {resource}}: usage / limit; only for resources with a limit.</li>
 *   <li>{@value #STORAGE_BYTES} and {@value #STORAGE_OBJECTS} {@code {folder}}: the media bucket per folder.</li>
 *   <li>{@value #POLL_FAILURES} {@code {source, reason}}: one per part of the poll that could not be read.</li>
 * </ul>
 * A source that failed or is off has no gauge samples in this poll: a stale figure would look current.
 */
public final class UsageMetricSamples {

    public static final String USAGE = "cloudinary_usage_bytes";
    public static final String RATIO = "cloudinary_usage_ratio";
    public static final String STORAGE_BYTES = "media_storage_bytes";
    public static final String STORAGE_OBJECTS = "media_storage_objects";
    public static final String POLL_FAILURES = "media_usage_poll_failures";

    private UsageMetricSamples() {
    }

    public static List<MetricSample> of(UsageReport report) {
        List<MetricSample> samples = new ArrayList<>();
        if (report.provider().status() == SourceStatus.OK) {
            for (ResourceReport resource : report.resources()) {
                String unit = cloudWatchUnit(resource.unit());
                samples.add(gauge(USAGE, labels("resource", resource.resource(), "kind", "usage"), resource.usage(), unit));
                if (resource.limit() != null) {
                    samples.add(gauge(USAGE, labels("resource", resource.resource(), "kind", "limit"), resource.limit(),
                            unit));
                }
                if (resource.ratio() != null) {
                    samples.add(gauge(RATIO, labels("resource", resource.resource()), resource.ratio(), "None"));
                }
            }
        }
        if (report.storage().status() == SourceStatus.OK) {
            for (FolderUsage folder : report.storage().folders()) {
                samples.add(gauge(STORAGE_BYTES, labels("folder", folder.folder()), folder.bytes(), "Bytes"));
                samples.add(gauge(STORAGE_OBJECTS, labels("folder", folder.folder()), folder.objects(), "Count"));
            }
        }
        failure(samples, report.provider().failure());
        failure(samples, report.storage().failure());
        return samples;
    }

    private static void failure(List<MetricSample> samples, PollFailure failure) {
        if (failure != null) {
            samples.add(new MetricSample(POLL_FAILURES, labels("source", failure.source(), "reason", failure.reason()),
                    1, "Count", true));
        }
    }

    private static MetricSample gauge(String name, Map<String, String> labels, double value, String unit) {
        return new MetricSample(name, labels, value, unit, false);
    }

    private static Map<String, String> labels(String... keysAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }

    private static String cloudWatchUnit(String unit) {
        return switch (unit) {
            case "bytes" -> "Bytes";
            case "count" -> "Count";
            default -> "None";
        };
    }
}
