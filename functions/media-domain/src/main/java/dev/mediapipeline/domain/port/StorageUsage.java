package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.FolderUsage;

import java.io.IOException;
import java.util.List;

/**
 * Bytes and object counts per folder of the media bucket. A folder is what
 * {@link dev.mediapipeline.domain.usage.FolderTally} makes of a key (its first two segments, e.g.
 * {@code originals/products}). Adapters say in their documentation what one call costs (a full listing, or a
 * read of the bucket's own metrics).
 */
public interface StorageUsage {

    /** Every folder that holds at least one object, ordered by folder name. */
    List<FolderUsage> bytesByFolder() throws IOException;
}
