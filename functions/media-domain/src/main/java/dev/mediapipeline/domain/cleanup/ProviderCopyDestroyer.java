package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.MediaProvider;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/** Destroys an orphan's copies at the media provider (with cache invalidation) before its row is deleted. */
public final class ProviderCopyDestroyer {

    private static final Logger log = LoggerFactory.getLogger(ProviderCopyDestroyer.class);

    private final ProviderCopyLookup lookup;
    private final MediaProvider provider;

    public ProviderCopyDestroyer(ProviderCopyLookup lookup, MediaProvider provider) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    private ProviderCopyDestroyer() {
        this.lookup = null;
        this.provider = null;
    }

    /** For a deployment without a media provider: assets have no provider copies. */
    public static ProviderCopyDestroyer none() {
        return new ProviderCopyDestroyer();
    }

    /** Reads the catalog; a fault here is a database fault and stops the run. */
    List<ProviderCopyLookup.Copy> copiesOf(AssetId assetId) {
        return lookup == null ? List.of() : lookup.providerCopiesOf(assetId);
    }

    void destroyAll(AssetId assetId, List<ProviderCopyLookup.Copy> copies) throws OrphanStepFailure {
        for (ProviderCopyLookup.Copy copy : copies) {
            try {
                boolean existed = provider.destroy(copy.publicId(), copy.resourceType());
                log.atInfo().addKeyValue("assetId", assetId).addKeyValue("provider", copy.provider())
                        .addKeyValue("publicId", copy.publicId()).addKeyValue("existed", existed)
                        .log("provider copy destroyed");
            } catch (RuntimeException fault) {
                throw new OrphanStepFailure("destroying the " + copy.provider() + " copy " + copy.publicId()
                        + " failed: " + fault.getMessage(), fault);
            }
        }
    }
}
