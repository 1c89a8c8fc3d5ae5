package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.StopReason;

import java.util.List;

/** The report as callers and logs see it: the shape stored in {@code cleanup_runs.report}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CleanupReportView(String runId, String triggeredBy, boolean dryRun, String startedAt, int scanned,
                                int orphans, int deleted, List<Failed> failed, long bytesFreed, long durationMs,
                                boolean complete, String stoppedBy, String summary, List<Listed> wouldDelete) {

    public record Failed(String assetId, String reason) {
    }

    public record Listed(String assetId, String reason, long bytes, String folder, String createdAt) {
    }

    public static CleanupReportView of(CleanupReport report) {
        return new CleanupReportView(report.runId().toString(), report.triggeredBy(), report.dryRun(),
                report.startedAt().toString(), report.scanned(), report.orphans(), report.deleted(),
                report.failed().stream().map(f -> new Failed(f.assetId().toString(), f.reason())).toList(),
                report.bytesFreed(), report.durationMs(), report.complete(),
                report.stopReason().map(StopReason::code).orElse(null), report.summary(),
                report.wouldDelete().stream().map(l -> new Listed(l.assetId().toString(), l.reason().code(),
                        l.bytes(), l.folder(), String.valueOf(l.createdAt()))).toList());
    }
}
