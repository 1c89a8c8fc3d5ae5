package dev.mediapipeline.runtime;

import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefixRoutedBlobStoreTest {

    private final InMemoryBlobStore originals = new InMemoryBlobStore("media-originals");
    private final InMemoryBlobStore derived = new InMemoryBlobStore("media-derived");
    private final PrefixRoutedBlobStore store = new PrefixRoutedBlobStore(originals, derived);

    @Test
    void derivedKeysGoToTheDerivedBucketAndEverythingElseToTheOriginals() throws IOException {
        store.put("derived/a1/256.jpg", bytes("rendition"), "image/jpeg", Map.of());
        store.put("originals/products/a1/shoe.jpg", bytes("original"), "image/jpeg", Map.of());

        assertThat(derived.keys()).containsExactly("derived/a1/256.jpg");
        assertThat(originals.keys()).containsExactly("originals/products/a1/shoe.jpg");
    }

    @Test
    void readsStatsAndDeletesFindTheObjectInItsOwnBucket() throws IOException {
        store.put("derived/a1/text.json", bytes("{}"), "application/json", Map.of());

        assertThat(store.stat("derived/a1/text.json")).isPresent();
        assertThat(store.stat("originals/derived/a1/text.json")).isEmpty();
        try (InputStream in = store.open("derived/a1/text.json")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("{}");
        }
        assertThat(store.delete("derived/a1/text.json")).isTrue();
        assertThat(derived.keys()).isEmpty();
    }

    @Test
    void theBucketNamedIsTheOriginalsOneBecauseStorageEventsComeFromThere() {
        assertThat(store.bucket()).isEqualTo("media-originals");
    }

    @Test
    void aPrefixThatIsOnlyAPartOfTheFirstSegmentDoesNotRoute() throws IOException {
        store.put("derivedness/x.jpg", bytes("x"), "image/jpeg", Map.of());

        assertThat(originals.keys()).containsExactly("derivedness/x.jpg");
    }

    @Test
    void refusesAnEmptyPrefixThatWouldSendEverythingToOneBucket() {
        assertThatThrownBy(() -> new PrefixRoutedBlobStore(originals, derived, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes());
    }
}
