package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes everything an orphan has in the blob store: the original, then its renditions, then its text output.
 *
 * <p>Every derived object of an asset lives under a prefix named by the asset id ({@code derived/<id>/},
 * {@code text/<id>/}). With a {@link BlobListing} those prefixes are emptied completely, which also catches renditions
 * of earlier uploads whose catalog rows were replaced. Without one, only the original and the renditions the catalog
 * records are deleted; text output then stays behind until a listing is configured.
 */
public final class OrphanStorage {

    /** Where extract-text writes an asset's per-page output: {@code text/<assetId>/...}. */
    public static final String TEXT_PREFIX = "text/";

    private static final Logger log = LoggerFactory.getLogger(OrphanStorage.class);

    private final BlobStore blobs;
    private final BlobListing listing;

    /** @param listing null when the blob store cannot list; see the class comment for what is then left behind */
    public OrphanStorage(BlobStore blobs, BlobListing listing) {
        this.blobs = blobs;
        this.listing = listing;
        if (listing == null) {
            log.atWarn().addKeyValue("bucket", blobs.bucket())
                    .log("no blob listing: clean-up deletes originals and recorded renditions only, not text output");
        }
    }

    /** The prefixes under which only this asset's derived objects live. */
    public static List<String> prefixesOf(AssetId id) {
        return List.of(RenditionKeys.PREFIX + id + "/", TEXT_PREFIX + id + "/");
    }

    void deleteAll(Orphan orphan, List<Rendition> renditions) throws OrphanStepFailure {
        if (!orphan.objectKey().contains(orphan.id().toString())) {
            throw new OrphanStepFailure("the original's key " + orphan.objectKey()
                    + " does not name the asset; refusing to delete it", null);
        }
        delete(orphan.id(), orphan.objectKey());
        Set<String> ownKeys = new LinkedHashSet<>();
        for (Rendition rendition : renditions) {
            if (isUnderOwnPrefix(orphan.id(), rendition.objectKey())) {
                ownKeys.add(rendition.objectKey());
            } else {
                log.atWarn().addKeyValue("assetId", orphan.id()).addKeyValue("key", rendition.objectKey())
                        .log("rendition outside the asset's prefix left in place");
            }
        }
        for (String key : ownKeys) {
            delete(orphan.id(), key);
        }
        if (listing != null) {
            for (String prefix : prefixesOf(orphan.id())) {
                for (BlobInfo leftover : list(prefix)) {
                    delete(orphan.id(), leftover.key());
                }
            }
        }
    }

    private static boolean isUnderOwnPrefix(AssetId id, String key) {
        return prefixesOf(id).stream().anyMatch(key::startsWith);
    }

    private void delete(AssetId id, String key) throws OrphanStepFailure {
        try {
            boolean existed = blobs.delete(key);
            log.atDebug().addKeyValue("assetId", id).addKeyValue("key", key).addKeyValue("existed", existed)
                    .log("object deleted");
        } catch (IOException | RuntimeException fault) {
            throw new OrphanStepFailure("deleting " + key + " failed: " + fault.getMessage(), fault);
        }
    }

    private List<BlobInfo> list(String prefix) throws OrphanStepFailure {
        try {
            return listing.list(prefix);
        } catch (IOException | RuntimeException fault) {
            throw new OrphanStepFailure("listing " + prefix + " failed: " + fault.getMessage(), fault);
        }
    }
}
