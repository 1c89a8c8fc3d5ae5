package dev.mediapipeline.cloud.gcp;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.StorageException;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.usage.FolderTally;
import dev.mediapipeline.domain.usage.FolderUsage;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Bytes and object counts per folder of one Cloud Storage bucket, by walking its object listing page by page.
 *
 * <p><b>Cost.</b> One call lists every object under the prefix: each list request returns up to 1000 objects and
 * is a Class A operation (the dearer class, billed per 1000 operations), so a bucket of ten million objects costs
 * 10 000 Class A operations per poll, plus the time to walk them. For a whole-bucket figure, Cloud Monitoring's
 * {@code storage.googleapis.com/storage/total_bytes} (and {@code object_count}) metrics are the cheaper source, but
 * they give totals per bucket and storage class, not figures per folder.
 *
 * <p>Only live objects are counted: on a bucket with object versioning, noncurrent versions are billed but not
 * listed here. Needs {@code storage.objects.list} on the bucket (e.g. {@code roles/storage.objectViewer}).
 */
public final class GcsStorageUsage implements StorageUsage {

    /** Cloud Storage never returns more than this many objects per page, whatever is asked. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final Storage storage;
    private final String bucket;
    private final String prefix;
    private final int pageSize;

    public GcsStorageUsage(Storage storage, String bucket) {
        this(storage, bucket, "", MAX_PAGE_SIZE);
    }

    /**
     * @param prefix   only names starting with it are counted; empty for the whole bucket
     * @param pageSize objects per list request, 1..{@value #MAX_PAGE_SIZE}; fewer only means more requests
     */
    public GcsStorageUsage(Storage storage, String bucket, String prefix, int pageSize) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a GCS page holds 1.." + MAX_PAGE_SIZE + " objects, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public List<FolderUsage> bytesByFolder() throws IOException {
        FolderTally tally = new FolderTally();
        try {
            // iterateAll fetches the next page only when the previous one is used up, so a failure on any page
            // surfaces inside this loop.
            for (Blob blob : storage.list(bucket, BlobListOption.prefix(prefix), BlobListOption.pageSize(pageSize))
                    .iterateAll()) {
                tally.add(blob.getName(), blob.getSize() == null ? 0 : blob.getSize());
            }
        } catch (StorageException e) {
            throw new IOException("could not list gs://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        return tally.result();
    }
}
