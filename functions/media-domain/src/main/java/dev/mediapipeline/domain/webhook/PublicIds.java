package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;

import java.util.Optional;

/**
 * How a provider public id leads back to our asset: uploads are signed with the public id
 * {@code <folder>/<assetId>}, so the asset id is the last path segment when it is a UUID. Anything else was not
 * uploaded through this pipeline.
 */
public final class PublicIds {

    private PublicIds() {
    }

    public static Optional<AssetId> assetIdOf(String publicId) {
        if (publicId == null) {
            return Optional.empty();
        }
        String lastSegment = publicId.substring(publicId.lastIndexOf('/') + 1);
        try {
            return Optional.of(AssetId.parse(lastSegment));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** {@code <folder>/<assetId>}: the public id an upload of this asset is signed with. */
    public static String publicIdFor(String folder, AssetId assetId) {
        return folder + "/" + assetId;
    }
}
