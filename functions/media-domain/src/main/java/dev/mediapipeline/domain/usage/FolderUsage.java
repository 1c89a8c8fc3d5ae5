package dev.mediapipeline.domain.usage;

/** What one folder of the media bucket holds. */
public record FolderUsage(String folder, long bytes, long objects) {

    public FolderUsage {
        if (bytes < 0 || objects < 0) {
            throw new IllegalArgumentException("folder " + folder + " cannot hold " + bytes + " bytes in "
                    + objects + " objects");
        }
    }
}
