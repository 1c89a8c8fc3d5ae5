package dev.mediapipeline.domain;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.upload.FolderRule;
import dev.mediapipeline.domain.upload.ObjectKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hero.jpg|image/jpeg|hero.jpg",
            "Hero Shot (1).JPEG|image/jpeg|hero-shot-1.jpg",
            "invoice.pdf.html|application/pdf|invoice-pdf.pdf",
            "café.png|image/png|cafe.png",
            "...|image/png|original.png",
            "名前.webp|image/webp|original.webp",
            "a%2Fb c+d.gif|image/gif|a-2fb-c-d.gif",
            "notes.TXT|text/plain|notes.txt"})
    void namesAreReducedToSafeCharactersWithTheSignedTypesExtension(String filename, String type, String expected) {
        assertThat(ObjectKeys.sanitisedName(filename, type)).isEqualTo(expected);
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = ObjectKeys.sanitisedName("x".repeat(300) + ".jpg", "image/jpeg");

        assertThat(name).hasSize(80).endsWith("x.jpg");
    }

    @Test
    void theKeyIsPrefixFolderAssetAndName() {
        AssetId id = AssetId.random();
        FolderRule rule = new FolderRule("products", Map.of("image/jpeg", 10L), Set.of(), "uploads/originals", null);

        assertThat(ObjectKeys.originalKey(rule, id, "a.jpg", "image/jpeg"))
                .isEqualTo("uploads/originals/products/" + id + "/a.jpg");
    }
}
