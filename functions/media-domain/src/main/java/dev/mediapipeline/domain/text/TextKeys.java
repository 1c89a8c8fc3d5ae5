package dev.mediapipeline.domain.text;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;

import java.util.Map;

/**
 * Where an asset's text document lives: beside its renditions, under the derived prefix the storage triggers
 * exclude and with the rendition marker, so storing it never triggers a function again.
 */
public final class TextKeys {

    public static final String DOCUMENT_NAME = "text";
    public static final String CONTENT_TYPE = "application/json";

    private TextKeys() {
    }

    /** {@code derived/<assetId>/<hash of source identity>/text.json}: a redelivery overwrites the same object. */
    public static String documentKey(AssetId assetId, String sourceIdentity) {
        return RenditionKeys.keyFor(assetId, sourceIdentity, DOCUMENT_NAME, "json");
    }

    public static Map<String, String> metadataFor(String sourceIdentity) {
        return RenditionKeys.metadataFor(sourceIdentity);
    }
}
