package dev.mediapipeline.domain.asset;

import java.util.Objects;

/**
 * A derived image of an asset, stored under the derived prefix.
 *
 * @param name      stable name within the asset, e.g. {@code w256}; catalog writes upsert on (asset, name)
 * @param objectKey where the bytes live; derived from the source identity so a retry overwrites
 */
public record Rendition(AssetId assetId, String name, int width, int height, String format, long bytes, String objectKey) {

    public Rendition {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(objectKey, "objectKey");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("rendition dimensions must be positive: " + width + "x" + height);
        }
    }
}
