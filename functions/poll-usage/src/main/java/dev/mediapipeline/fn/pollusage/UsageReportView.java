package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.ProviderReport;
import dev.mediapipeline.domain.usage.ResourceReport;
import dev.mediapipeline.domain.usage.SentAlert;
import dev.mediapipeline.domain.usage.StorageReport;
import dev.mediapipeline.domain.usage.UsageReport;

import java.util.List;

/**
 * The JSON poll-usage answers with (documented in the module README). Codes are lower case; absent values
 * (no limit, no plan, no failure) are {@code null}, never left out, so that a consumer sees every field.
 */
public record UsageReportView(String polledAt, String triggeredBy, Provider provider, List<Resource> resources,
                              Storage storage, List<Alert> alerts) {

    /** @param status {@code ok}, {@code off} (not configured) or {@code failed} */
    public record Provider(String name, String status, String plan, String lastUpdated, String detail,
                           Failure failure) {
    }

    public record Failure(String reason, String detail, boolean retryable) {
    }

    /** @param level {@code ok}, {@code warn} or {@code error}; null for a resource without a limit */
    public record Resource(String resource, String unit, double usage, Double limit, Double ratio, String level) {
    }

    public record Storage(String status, long totalBytes, long totalObjects, List<Folder> folders, Failure failure) {
    }

    public record Folder(String folder, long bytes, long objects) {
    }

    /** @param level {@code warn}, {@code error} or {@code resolved} */
    public record Alert(String resource, String level, double ratio, boolean delivered) {
    }

    public static UsageReportView of(UsageReport report, String triggeredBy) {
        return new UsageReportView(report.polledAt().toString(), triggeredBy, provider(report.provider()),
                report.resources().stream().map(UsageReportView::resource).toList(),
                storage(report.storage()),
                report.alerts().stream().map(UsageReportView::alert).toList());
    }

    private static Provider provider(ProviderReport provider) {
        return new Provider(provider.provider(), provider.status().code(), provider.plan(), provider.lastUpdated(),
                provider.detail(), failure(provider.failure()));
    }

    private static Resource resource(ResourceReport resource) {
        return new Resource(resource.resource(), resource.unit(), resource.usage(), resource.limit(), resource.ratio(),
                resource.level() == null ? null : resource.level().code());
    }

    private static Storage storage(StorageReport storage) {
        List<FolderUsage> folders = storage.folders();
        return new Storage(storage.status().code(),
                folders.stream().mapToLong(FolderUsage::bytes).sum(),
                folders.stream().mapToLong(FolderUsage::objects).sum(),
                folders.stream().map(f -> new Folder(f.folder(), f.bytes(), f.objects())).toList(),
                failure(storage.failure()));
    }

    private static Alert alert(SentAlert alert) {
        return new Alert(alert.resource(), alert.level().code(), alert.ratio(), alert.delivered());
    }

    private static Failure failure(PollFailure failure) {
        return failure == null ? null : new Failure(failure.reason(), failure.detail(), failure.retryable());
    }
}
