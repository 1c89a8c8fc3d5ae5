package dev.mediapipeline.runtime;

import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.port.ProviderCopyLookup;

/** Views of the recorded provider copies that clean-up destroys. */
public final class ProviderCopyLookups {

    private ProviderCopyLookups() {
    }

    /** The copies of an asset not yet deleted at the provider: the ones clean-up must destroy. */
    public static ProviderCopyLookup live(ProviderCopies copies) {
        return assetId -> copies.ofAsset(assetId).stream()
                .filter(copy -> !copy.deleted())
                .map(copy -> new ProviderCopyLookup.Copy(copy.key().provider(), copy.key().resourceType(),
                        copy.key().publicId()))
                .toList();
    }
}
