package dev.mediapipeline.cloud.local;

import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.BlobInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBlobStoreTest {

    @TempDir
    Path root;

    private final List<StorageObjectEvent> finalized = new CopyOnWriteArrayList<>();

    private LocalBlobStore store() {
        return new LocalBlobStore("local-media", root, Clock.systemUTC(), finalized::add);
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void putThenReadBackBytesTypeAndMetadata() throws IOException {
        LocalBlobStore store = store();

        BlobInfo info = store.put("originals/p/a.jpg", text("hello"), "image/jpeg", Map.of("k", "v"));

        assertThat(info.size()).isEqualTo(5);
        try (InputStream in = store.open("originals/p/a.jpg")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        BlobInfo stat = store.stat("originals/p/a.jpg").orElseThrow();
        assertThat(stat.contentType()).isEqualTo("image/jpeg");
        assertThat(stat.metadata()).containsEntry("k", "v");
        assertThat(stat.generation()).isEqualTo(info.generation());
    }

    @Test
    void everyWriteIsAnnouncedWithANewGeneration() throws IOException {
        LocalBlobStore store = store();

        store.put("k", text("one"), "text/plain", Map.of());
        store.put("k", text("two"), "text/plain", Map.of());

        assertThat(finalized).hasSize(2);
        assertThat(Long.parseLong(finalized.get(1).generation())).isGreaterThan(Long.parseLong(finalized.get(0).generation()));
        assertThat(finalized.get(1).size()).isEqualTo(3);
        try (InputStream in = store.open("k")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two");
        }
    }

    @Test
    void overwritingLeavesOnlyTheNewGenerationOnDisk() throws IOException {
        LocalBlobStore store = store();
        store.put("k", text("one"), "text/plain", Map.of());
        store.put("k", text("two"), "text/plain", Map.of());

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.toString().endsWith(".bin")).count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/passwd", "e\u0301.jpg", "\u00e9.jpg", "evil\u202Egpj.exe", "a+b c", "/abs/path"})
    void oddKeysAreJustKeysAndNeverEscapeTheBucket(String key) throws IOException {
        LocalBlobStore store = store();

        store.put(key, text(key), "text/plain", Map.of());

        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(key);
        }
        try (Stream<Path> files = Files.walk(root.getParent(), 1)) {
            assertThat(files.filter(p -> !p.startsWith(root)).filter(p -> !p.equals(root.getParent()))
                    .filter(p -> p.getFileName().toString().contains("passwd") || p.getFileName().toString().equals("x")))
                    .isEmpty();
        }
    }

    @Test
    void nfcAndNfdSpellingsAreDifferentObjects() throws IOException {
        LocalBlobStore store = store();
        store.put("e\u0301", text("nfd"), "text/plain", Map.of());
        store.put("\u00e9", text("nfc"), "text/plain", Map.of());

        assertThat(store.stat("e\u0301").orElseThrow().size()).isEqualTo(3);
        assertThat(store.list("")).hasSize(2);
    }

    @Test
    void aKeyOfMoreThanAKilobyteWorks() throws IOException {
        LocalBlobStore store = store();
        String key = "k".repeat(1025);

        store.put(key, text("x"), "text/plain", Map.of());

        assertThat(store.stat(key)).isPresent();
    }

    @Test
    void deleteRemovesTheObjectAndReportsWhetherThereWasOne() throws IOException {
        LocalBlobStore store = store();
        store.put("k", text("x"), "text/plain", Map.of());

        assertThat(store.delete("k")).isTrue();
        assertThat(store.delete("k")).isFalse();
        assertThat(store.stat("k")).isEmpty();
        assertThatThrownBy(() -> store.open("k")).isInstanceOf(IOException.class);
    }

    @Test
    void listFiltersByPrefix() throws IOException {
        LocalBlobStore store = store();
        store.put("originals/a/1", text("x"), "text/plain", Map.of());
        store.put("derived/a/1", text("xy"), "text/plain", Map.of());

        assertThat(store.list("originals/")).extracting(BlobInfo::key).containsExactly("originals/a/1");
    }

    @Test
    void aFailedWriteLeavesThePreviousObjectIntact() throws IOException {
        LocalBlobStore store = store();
        store.put("k", text("old"), "text/plain", Map.of());
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 3) {
                    return 'n';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> store.put("k", broken, "text/plain", Map.of())).isInstanceOf(IOException.class);

        try (InputStream in = store.open("k")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("old");
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void objectsSurviveANewStoreInstanceOnTheSameDirectory() throws IOException {
        store().put("k", text("kept"), "text/plain", Map.of());

        assertThat(store().stat("k")).isPresent();
    }
}
