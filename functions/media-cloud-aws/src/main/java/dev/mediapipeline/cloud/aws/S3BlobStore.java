package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One S3 bucket as a {@link BlobStore}.
 *
 * <p>{@code generation} is the version id on a versioned bucket and the ETag otherwise: a PUT response carries
 * nothing else that identifies the write. (S3 <em>events</em> identify an unversioned write by its sequencer,
 * which only notifications carry; see {@link S3EventDecoder}.)
 *
 * <p>Metadata is stored as S3 user metadata ({@code x-amz-meta-*}); S3 returns the names lower-cased, so use
 * lower-case names. A key longer than S3's 1024 UTF-8 bytes cannot exist: reads report it missing and writes
 * refuse it before any request.
 */
public final class S3BlobStore implements BlobStore, BlobListing {

    static final int MAX_KEY_BYTES = 1024;

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public S3BlobStore(S3Client s3, String bucket) {
        this(s3, bucket, Clock.systemUTC());
    }

    public S3BlobStore(S3Client s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata)
            throws IOException {
        if (!fitsS3(key)) {
            throw new IllegalArgumentException("an S3 key is at most " + MAX_KEY_BYTES + " UTF-8 bytes; this one has "
                    + key.getBytes(StandardCharsets.UTF_8).length);
        }
        try (SpooledBody body = SpooledBody.read(content)) {
            PutObjectResponse response = s3.putObject(request -> request.bucket(bucket).key(key)
                    .contentType(contentType).metadata(metadata), body.requestBody());
            return new BlobInfo(key, body.size(), contentType, generation(response.versionId(), response.eTag()),
                    metadata, clock.instant());
        } catch (SdkException e) {
            throw fault("store", key, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        if (!fitsS3(key)) {
            return Optional.empty();
        }
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new BlobInfo(key, head.contentLength(), head.contentType(),
                    generation(head.versionId(), head.eTag()), head.metadata(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw fault("inspect", key, e);
        } catch (SdkException e) {
            throw fault("inspect", key, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        if (!fitsS3(key)) {
            throw new FileNotFoundException("no object with key " + key);
        }
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no object with key " + key + " in bucket " + bucket);
        } catch (SdkException e) {
            throw fault("read", key, e);
        }
    }

    /**
     * S3 answers a delete of a missing key with success, so the object is looked up first to tell whether
     * there was one. On a versioned bucket the delete leaves a delete marker, which hides the object.
     */
    @Override
    public boolean delete(String key) throws IOException {
        if (stat(key).isEmpty()) {
            return false;
        }
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            throw fault("delete", key, e);
        }
    }

    /** Every object under {@code prefix}, page by page ({@code ListObjectsV2}); user metadata is not listed. */
    @Override
    public List<BlobInfo> list(String prefix) throws IOException {
        List<BlobInfo> blobs = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()) {
                blobs.add(new BlobInfo(object.key(), object.size(), null, generation(null, object.eTag()), Map.of(),
                        object.lastModified()));
            }
        } catch (SdkException e) {
            throw fault("list", prefix + "*", e);
        }
        return blobs;
    }

    static String generation(String versionId, String eTag) {
        if (versionId != null && !versionId.isEmpty() && !"null".equals(versionId)) {
            return versionId;
        }
        if (eTag == null) {
            throw new IllegalStateException("S3 returned neither a version id nor an ETag");
        }
        return eTag.replace("\"", "");
    }

    private static boolean fitsS3(String key) {
        return !key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
    }

    private IOException fault(String action, String key, SdkException cause) {
        return new IOException("could not " + action + " s3://" + bucket + "/" + key + ": " + cause.getMessage(), cause);
    }
}
