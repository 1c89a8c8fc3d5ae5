package dev.mediapipeline.cloud.aws;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.mediapipeline.domain.usage.FolderTally;
import dev.mediapipeline.domain.usage.FolderUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link S3StorageUsage} against S3Mock, with a tiny page size so that the listing spans several pages. */
class S3StorageUsageTest {

    @RegisterExtension
    static final S3MockExtension S3MOCK = S3MockServer.extension("usage", "usage-empty");

    /** Counts LIST requests, to show the walk really followed the continuation tokens. */
    private static final AtomicInteger LISTS = new AtomicInteger();

    private static S3Client s3;

    @BeforeAll
    static void connect() {
        s3 = S3Client.builder()
                .endpointOverride(S3MockServer.endpoint(S3MOCK))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
                .overrideConfiguration(config -> config.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ListObjectsV2Request) {
                            LISTS.incrementAndGet();
                        }
                    }
                }))
                .build();
        put("originals/products/a.jpg", 10);
        put("originals/products/b.jpg", 20);
        put("originals/products/deep/c.jpg", 30);
        put("originals/banners/d.png", 5);
        put("derived/thumbs/e.webp", 7);
        put("derived/thumbs/f.webp", 8);
        put("derived/thumbs/g.webp", 0);
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    private static void put(String key, int bytes) {
        s3.putObject(request -> request.bucket("usage").key(key), RequestBody.fromBytes(new byte[bytes]));
    }

    @Test
    void addsUpEveryPageOfTheListingPerFolder() throws IOException {
        LISTS.set(0);

        var folders = new S3StorageUsage(s3, "usage", "", 2).bytesByFolder();

        assertThat(folders).containsExactly(
                new FolderUsage("derived/thumbs", 15, 3),
                new FolderUsage("originals/banners", 5, 1),
                new FolderUsage("originals/products", 60, 3));
        assertThat(LISTS.get()).as("7 objects at 2 per page").isEqualTo(4);
        assertThat(FolderTally.folderOf("originals/products/deep/c.jpg")).isEqualTo("originals/products");
    }

    @Test
    void aPrefixLimitsTheListing() throws IOException {
        assertThat(new S3StorageUsage(s3, "usage", "originals/", 2).bytesByFolder()).containsExactly(
                new FolderUsage("originals/banners", 5, 1),
                new FolderUsage("originals/products", 60, 3));
    }

    @Test
    void anEmptyBucketHasNoFolders() throws IOException {
        assertThat(new S3StorageUsage(s3, "usage-empty").bytesByFolder()).isEmpty();
    }

    @Test
    void aMissingBucketIsAnIoFault() {
        assertThatThrownBy(() -> new S3StorageUsage(s3, "no-such-bucket").bytesByFolder())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("s3://no-such-bucket/");
    }

    @Test
    void aPageSizeS3CannotServeIsRefused() {
        assertThatThrownBy(() -> new S3StorageUsage(s3, "usage", "", 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3StorageUsage(s3, "usage", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
