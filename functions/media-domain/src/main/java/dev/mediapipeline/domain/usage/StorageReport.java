package dev.mediapipeline.domain.usage;

import java.util.List;

/**
 * What the poll learnt from the media bucket.
 *
 * @param failure set exactly when {@code status} is FAILED
 */
public record StorageReport(SourceStatus status, List<FolderUsage> folders, PollFailure failure) {

    public StorageReport {
        folders = List.copyOf(folders);
    }
}
