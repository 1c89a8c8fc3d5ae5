package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.testkit.support.ChildServer;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.mediapipeline.domain.port.BlobInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link S3BlobStore} against S3Mock (a real S3 REST server) started in this JVM. */
class S3BlobStoreTest {

    @RegisterExtension
    static final S3MockExtension S3MOCK = S3MockServer.extension("media", "media-versioned");

    private static S3Client s3;
    private static S3BlobStore store;

    @BeforeAll
    static void connect() {
        s3 = S3MockServer.client(S3MockServer.endpoint(S3MOCK));
        store = new S3BlobStore(s3, "media");
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void putThenReadBackBytesTypeAndMetadata() throws IOException {
        BlobInfo stored = store.put("originals/p/a.jpg", text("hello"), "image/jpeg",
                Map.of("media-pipeline-rendition", "true", "media-pipeline-source", "media/originals/p/a.jpg#1"));

        assertThat(stored.size()).isEqualTo(5);
        assertThat(read("originals/p/a.jpg")).isEqualTo("hello");
        BlobInfo stat = store.stat("originals/p/a.jpg").orElseThrow();
        assertThat(stat.size()).isEqualTo(5);
        assertThat(stat.contentType()).isEqualTo("image/jpeg");
        assertThat(stat.metadata()).containsEntry("media-pipeline-rendition", "true")
                .containsEntry("media-pipeline-source", "media/originals/p/a.jpg#1");
        assertThat(stat.generation()).isEqualTo(stored.generation()).doesNotContain("\"");
        assertThat(stat.updated()).isNotNull();
    }

    @Test
    void onAnUnversionedBucketTheGenerationIsTheETagAndChangesWithTheContent() throws IOException {
        String first = store.put("k/etag", text("one"), "text/plain", Map.of()).generation();
        String second = store.put("k/etag", text("two"), "text/plain", Map.of()).generation();

        assertThat(first).isNotEqualTo(second);
        assertThat(store.stat("k/etag").orElseThrow().generation()).isEqualTo(second);
        assertThat(read("k/etag")).isEqualTo("two");
    }

    @Test
    void onAVersionedBucketTheGenerationIsTheVersionId() throws IOException {
        s3.putBucketVersioning(request -> request.bucket("media-versioned")
                .versioningConfiguration(config -> config.status(BucketVersioningStatus.ENABLED)));
        S3BlobStore versioned = new S3BlobStore(s3, "media-versioned");

        BlobInfo first = versioned.put("k", text("one"), "text/plain", Map.of());
        BlobInfo second = versioned.put("k", text("one"), "text/plain", Map.of());

        String latest = s3.headObject(request -> request.bucket("media-versioned").key("k")).versionId();
        assertThat(second.generation()).isEqualTo(latest);
        assertThat(first.generation()).isNotEqualTo(second.generation());
        assertThat(versioned.stat("k").orElseThrow().generation()).isEqualTo(latest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "e\u0301.jpg", "\u00e9.jpg", "evil\u202Egpj.exe", "a+b c", "a%2Bb", "sp ace/tab\tkey"})
    void oddKeysAreStoredUnderExactlyThatKey(String key) throws IOException {
        store.put(key, text(key), "text/plain", Map.of());

        assertThat(read(key)).isEqualTo(key);
        assertThat(store.stat(key).orElseThrow().key()).isEqualTo(key);
        assertThat(s3.listObjectsV2(request -> request.bucket("media").prefix(key)).contents())
                .extracting(object -> object.key()).contains(key);
    }

    @Test
    void nfcAndNfdSpellingsAreDifferentObjects() throws IOException {
        store.put("norm/e\u0301", text("nfd"), "text/plain", Map.of());
        store.put("norm/\u00e9", text("nfc"), "text/plain", Map.of());

        assertThat(read("norm/e\u0301")).isEqualTo("nfd");
        assertThat(read("norm/\u00e9")).isEqualTo("nfc");
    }

    @Test
    void aKeyLongerThanS3AllowsIsRefusedBeforeAnyRequestAndCannotExist() throws IOException {
        String tooLong = "k".repeat(1025);
        String longest = "k".repeat(1024);

        assertThatThrownBy(() -> store.put(tooLong, text("x"), "text/plain", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
        assertThat(store.stat(tooLong)).isEmpty();
        assertThatThrownBy(() -> store.open(tooLong)).isInstanceOf(FileNotFoundException.class);
        assertThat(store.delete(tooLong)).isFalse();

        store.put(longest, text("x"), "text/plain", Map.of());
        assertThat(read(longest)).isEqualTo("x");
    }

    @Test
    void aMissingObjectIsEmptyOnStatAndNotFoundOnOpen() throws IOException {
        assertThat(store.stat("missing/key")).isEmpty();
        assertThatThrownBy(() -> store.open("missing/key")).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void deleteRemovesTheObjectAndReportsWhetherThereWasOne() throws IOException {
        store.put("to-delete", text("x"), "text/plain", Map.of());

        assertThat(store.delete("to-delete")).isTrue();
        assertThat(store.delete("to-delete")).isFalse();
        assertThat(store.stat("to-delete")).isEmpty();
    }

    @Test
    void aBodyLargerThanTheMemoryLimitIsSpooledAndStoredWhole() throws IOException {
        byte[] big = new byte[SpooledBody.IN_MEMORY_LIMIT + 4096];
        Arrays.fill(big, (byte) 7);
        big[big.length - 1] = 9;

        BlobInfo stored = store.put("big.bin", new ByteArrayInputStream(big), "application/octet-stream", Map.of());

        assertThat(stored.size()).isEqualTo(big.length);
        try (InputStream in = store.open("big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void anUnreachableStoreIsAnIOExceptionARetryCanCure() throws IOException {
        int closedPort = ChildServer.freePort();
        try (S3Client unreachable = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            S3BlobStore down = new S3BlobStore(unreachable, "media");

            assertThatThrownBy(() -> down.put("k", text("x"), "text/plain", Map.of())).isInstanceOf(IOException.class)
                    .hasMessageContaining("s3://media/k");
            assertThatThrownBy(() -> down.stat("k")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> down.open("k")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(FileNotFoundException.class);
        }
    }
}
