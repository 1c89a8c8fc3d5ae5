package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.ProviderReport;
import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;
import dev.mediapipeline.domain.usage.ResourceReport;
import dev.mediapipeline.domain.usage.SourceStatus;
import dev.mediapipeline.domain.usage.StorageReport;
import dev.mediapipeline.domain.usage.UsageLevel;
import dev.mediapipeline.domain.usage.UsageReport;

import java.time.Instant;
import java.util.List;

/** Poll reports for the metric output tests. */
final class Reports {

    static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");

    private static final StorageReport STORAGE = new StorageReport(SourceStatus.OK,
            List.of(new FolderUsage("originals/products", 4096, 3)), null);

    private Reports() {
    }

    static UsageReport healthy() {
        return withStorageRatio(0.81);
    }

    static UsageReport withStorageRatio(double ratio) {
        ProviderReport provider = ProviderReport.ok(new ProviderUsageSnapshot("cloudinary", "Plus", null, List.of()));
        return new UsageReport(AT, provider, List.of(
                new ResourceReport("storage", "bytes", Math.round(ratio * 1e10), 1e10, ratio,
                        ratio >= 0.8 ? UsageLevel.WARN : UsageLevel.OK),
                new ResourceReport("bandwidth", "bytes", 5e8, null, null, null)), STORAGE, List.of());
    }

    static UsageReport providerFailed(PollFailure failure) {
        return new UsageReport(AT, ProviderReport.failed("cloudinary", failure), List.of(), STORAGE, List.of());
    }
}
