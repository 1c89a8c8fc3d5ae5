package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.AssetRemoval;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Deletes one orphan, in an order that leaves a consistent asset whichever step fails: claim it (from then on it
 * cannot gain an association), delete its objects, destroy its provider copies, and only then delete its row. A
 * storage or provider failure costs this asset only and leaves it claimed, so the next run finishes it; a database
 * fault propagates and stops the run.
 */
public final class OrphanDeleter {

    private static final Logger log = LoggerFactory.getLogger(OrphanDeleter.class);
    static final String CHANGED_MEANWHILE = "the asset changed while it was being deleted (an association was added "
            + "outside the documented write path, or another run took it over); its row was kept";

    private final AssetRemoval removal;
    private final AssetCatalog catalog;
    private final OrphanStorage storage;
    private final ProviderCopyDestroyer providerCopies;

    public OrphanDeleter(AssetRemoval removal, AssetCatalog catalog, OrphanStorage storage,
                         ProviderCopyDestroyer providerCopies) {
        this.removal = removal;
        this.catalog = catalog;
        this.storage = storage;
        this.providerCopies = providerCopies;
    }

    enum Outcome { DELETED, FAILED, NO_LONGER_ORPHAN }

    record Result(Outcome outcome, String reason) {
    }

    Result delete(UUID runId, Orphan orphan, OrphanCutoffs cutoffs) {
        if (!removal.claim(runId, orphan, cutoffs)) {
            log.atInfo().addKeyValue("runId", runId).addKeyValue("assetId", orphan.id())
                    .addKeyValue("rule", orphan.rule().code()).log("no longer an orphan; kept");
            return new Result(Outcome.NO_LONGER_ORPHAN, null);
        }
        List<Rendition> renditions = catalog.renditions(orphan.id());
        List<ProviderCopyLookup.Copy> copies = providerCopies.copiesOf(orphan.id());
        try {
            storage.deleteAll(orphan, renditions);
            providerCopies.destroyAll(orphan.id(), copies);
        } catch (OrphanStepFailure failure) {
            return failed(runId, orphan, failure.getMessage());
        }
        if (!removal.remove(runId, orphan)) {
            return failed(runId, orphan, CHANGED_MEANWHILE);
        }
        log.atInfo().addKeyValue("runId", runId).addKeyValue("assetId", orphan.id())
                .addKeyValue("rule", orphan.rule().code()).addKeyValue("bytes", orphan.bytes())
                .addKeyValue("rowDeleted", orphan.rule().deletesRow()).log("orphan deleted");
        return new Result(Outcome.DELETED, null);
    }

    private Result failed(UUID runId, Orphan orphan, String reason) {
        removal.recordFailure(runId, orphan.id(), reason);
        log.atWarn().addKeyValue("runId", runId).addKeyValue("assetId", orphan.id())
                .addKeyValue("rule", orphan.rule().code()).addKeyValue("reason", reason)
                .log("orphan not deleted; the next run retries it");
        return new Result(Outcome.FAILED, reason);
    }
}
