package dev.mediapipeline.domain;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionKeysTest {

    private final AssetId id = AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");

    @Test
    void theSameSourceWriteAlwaysMapsToTheSameKey() {
        String first = RenditionKeys.keyFor(id, "b/originals/x.jpg#1", "w256", "jpeg");
        assertThat(RenditionKeys.keyFor(id, "b/originals/x.jpg#1", "w256", "jpeg")).isEqualTo(first);
        assertThat(first).startsWith("derived/" + id + "/").endsWith("/w256.jpg");
    }

    @Test
    void anotherGenerationMapsToOtherKeys() {
        assertThat(RenditionKeys.keyFor(id, "b/originals/x.jpg#2", "w256", "jpeg"))
                .isNotEqualTo(RenditionKeys.keyFor(id, "b/originals/x.jpg#1", "w256", "jpeg"));
    }

    @Test
    void renditionsAreRecognisedByPrefixOrMarker() {
        assertThat(RenditionKeys.isRendition("derived/a/b/w256.jpg", Map.of())).isTrue();
        assertThat(RenditionKeys.isRendition("originals/p/x.jpg", RenditionKeys.metadataFor("s"))).isTrue();
        assertThat(RenditionKeys.isRendition("originals/p/x.jpg", Map.of())).isFalse();
    }
}
