package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.usage.FolderTally;
import dev.mediapipeline.domain.usage.FolderUsage;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Bytes and object counts per folder of one S3 bucket, by walking a {@code ListObjectsV2} listing page by page.
 *
 * <p><b>Cost.</b> One call lists every object under the prefix: one LIST request per 1000 objects (S3's largest
 * page), billed at $0.005 per 1000 requests in us-east-1 at the time of writing, plus the time to walk them. A
 * bucket of ten million objects therefore takes 10 000 requests (about $0.05) per poll. For big buckets, S3 Storage
 * Lens or the daily CloudWatch {@code BucketSizeBytes} / {@code NumberOfObjects} metrics are the cheaper source,
 * but they give whole-bucket (or storage-class) totals, not figures per folder.
 *
 * <p>Sizes are those of the current objects only: on a versioned bucket, noncurrent versions are billed but not
 * counted here. Needs {@code s3:ListBucket} on the bucket.
 */
public final class S3StorageUsage implements StorageUsage {

    /** S3 never returns more than this many keys per page, whatever is asked. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int pageSize;

    public S3StorageUsage(S3Client s3, String bucket) {
        this(s3, bucket, "", MAX_PAGE_SIZE);
    }

    /**
     * @param prefix   only keys starting with it are counted; empty for the whole bucket
     * @param pageSize keys per LIST request, 1..{@value #MAX_PAGE_SIZE}; fewer only means more requests
     */
    public S3StorageUsage(S3Client s3, String bucket, String prefix, int pageSize) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("an S3 page holds 1.." + MAX_PAGE_SIZE + " keys, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public List<FolderUsage> bytesByFolder() throws IOException {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).maxKeys(pageSize);
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        FolderTally tally = new FolderTally();
        try {
            // The paginator follows the continuation token lazily, so a failure on any page surfaces here.
            for (S3Object object : s3.listObjectsV2Paginator(request.build()).contents()) {
                tally.add(object.key(), object.size() == null ? 0 : object.size());
            }
        } catch (SdkException e) {
            throw new IOException("could not list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        return tally.result();
    }
}
