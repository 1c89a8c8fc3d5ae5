package dev.mediapipeline.cloud.gcp;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.mediapipeline.domain.port.BlobInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GcsBlobStore} against google-cloud-nio's in-memory Cloud Storage ({@code LocalStorageHelper}). */
class GcsBlobStoreTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final GcsBlobStore store = new GcsBlobStore(storage, "media");

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void putThenReadBackBytesTypeAndMetadata() throws IOException {
        BlobInfo stored = store.put("originals/p/a.jpg", text("hello"), "image/jpeg",
                Map.of("media-pipeline-rendition", "true", "media-pipeline-source", "media/originals/p/a.jpg#1"));

        assertThat(stored.size()).isEqualTo(5);
        assertThat(stored.key()).isEqualTo("originals/p/a.jpg");
        assertThat(read("originals/p/a.jpg")).isEqualTo("hello");
        BlobInfo stat = store.stat("originals/p/a.jpg").orElseThrow();
        assertThat(stat.contentType()).isEqualTo("image/jpeg");
        assertThat(stat.metadata()).containsEntry("media-pipeline-rendition", "true")
                .containsEntry("media-pipeline-source", "media/originals/p/a.jpg#1");
        assertThat(stat.generation()).isEqualTo(stored.generation());
    }

    @Test
    void theGenerationIsTheStorageGenerationAndChangesOnEveryWrite() throws IOException {
        String first = store.put("k", text("one"), "text/plain", Map.of()).generation();
        String second = store.put("k", text("one"), "text/plain", Map.of()).generation();

        assertThat(first).isNotEqualTo(second);
        assertThat(second).isEqualTo(String.valueOf(storage.get(BlobId.of("media", "k")).getGeneration()));
        assertThat(read("k")).isEqualTo("one");
    }

    /*
     * No name with '%' here: LocalStorageHelper's fake resumable-upload endpoint URL-decodes the name it is given,
     * so such a write fails in the fake only. S3BlobStoreTest covers '%' keys against S3Mock.
     */
    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "e\u0301.jpg", "\u00e9.jpg", "evil\u202Egpj.exe", "a+b c", "sp ace/tab\tkey"})
    void oddNamesAreStoredUnderExactlyThatName(String key) throws IOException {
        store.put(key, text(key), "text/plain", Map.of());

        assertThat(read(key)).isEqualTo(key);
        assertThat(storage.get(BlobId.of("media", key)).getName()).isEqualTo(key);
    }

    @Test
    void nfcAndNfdSpellingsAreDifferentObjects() throws IOException {
        store.put("e\u0301", text("nfd"), "text/plain", Map.of());
        store.put("\u00e9", text("nfc"), "text/plain", Map.of());

        assertThat(read("e\u0301")).isEqualTo("nfd");
        assertThat(read("\u00e9")).isEqualTo("nfc");
    }

    @Test
    void aNameLongerThanGcsAllowsIsRefusedAndCannotExist() throws IOException {
        String tooLong = "k".repeat(1025);

        assertThatThrownBy(() -> store.put(tooLong, text("x"), "text/plain", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
        assertThat(store.stat(tooLong)).isEmpty();
        assertThatThrownBy(() -> store.open(tooLong)).isInstanceOf(FileNotFoundException.class);
        assertThat(store.delete(tooLong)).isFalse();
        store.put("k".repeat(1024), text("x"), "text/plain", Map.of());
        assertThat(read("k".repeat(1024))).isEqualTo("x");
    }

    @Test
    void aMissingObjectIsEmptyOnStatAndNotFoundOnOpen() throws IOException {
        assertThat(store.stat("missing")).isEmpty();
        assertThatThrownBy(() -> store.open("missing")).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void deleteRemovesTheObjectAndReportsWhetherThereWasOne() throws IOException {
        store.put("to-delete", text("x"), "text/plain", Map.of());

        assertThat(store.delete("to-delete")).isTrue();
        assertThat(store.delete("to-delete")).isFalse();
        assertThat(store.stat("to-delete")).isEmpty();
    }

    @Test
    void aLargeBodyIsStoredWhole() throws IOException {
        byte[] big = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 7);
        big[big.length - 1] = 9;

        BlobInfo stored = store.put("big.bin", new ByteArrayInputStream(big), "application/octet-stream", Map.of());

        assertThat(stored.size()).isEqualTo(big.length);
        try (InputStream in = store.open("big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void theBucketIsTheOneGiven() {
        assertThat(store.bucket()).isEqualTo("media");
    }
}
