package dev.mediapipeline.domain.thumbnail;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.AssetFailed;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.upload.UploadPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * make-thumbnail: an object was finalized → renditions in the blob store and the catalog.
 *
 * <p>Safe under at-least-once delivery: the ledger key is derived from the object's identity, rendition keys
 * too, and catalog writes are upserts. Bad input ends the asset FAILED and is acknowledged; I/O faults are
 * thrown as {@link TransientFailureException} so the platform retries.
 */
public final class MakeThumbnailService {

    private static final Logger log = LoggerFactory.getLogger(MakeThumbnailService.class);

    /** What happened to one event. */
    public enum Outcome { RENDERED, NOTHING_TO_RENDER, FAILED, DUPLICATE, IGNORED_RENDITION, UNKNOWN_OBJECT, ASSET_DELETED }

    /**
     * What happened to one event, for metrics, logs and follow-up work such as warming a CDN; never needed for
     * correctness.
     *
     * @param failure    the reason, when the outcome is {@link Outcome#FAILED}
     * @param renditions the renditions written, when the outcome is {@link Outcome#RENDERED}
     */
    public record Result(Outcome outcome, Optional<FailureReason> failure, List<Rendition> renditions) {

        public Result {
            renditions = List.copyOf(renditions);
        }

        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty(), List.of());
        }

        static Result rendered(Outcome outcome, List<Rendition> renditions) {
            return new Result(outcome, Optional.empty(), renditions);
        }

        static Result failed(FailureReason reason) {
            return new Result(Outcome.FAILED, Optional.of(reason), List.of());
        }
    }

    private final AssetCatalog catalog;
    private final BlobStore blobs;
    private final ProcessingLedger ledger;
    private final Thumbnailer thumbnailer;
    private final EventPublisher events;
    private final ObjectUrls urls;
    private final UploadPolicy policy;
    private final ThumbnailSpec spec;
    private final String holder;
    private final Duration lease;

    public MakeThumbnailService(AssetCatalog catalog, BlobStore blobs, ProcessingLedger ledger, Thumbnailer thumbnailer,
                                EventPublisher events, ObjectUrls urls, UploadPolicy policy, ThumbnailSpec spec,
                                String holder, Duration lease) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.ledger = ledger;
        this.thumbnailer = thumbnailer;
        this.events = events;
        this.urls = urls;
        this.policy = policy;
        this.spec = spec;
        this.holder = holder;
        this.lease = lease;
    }

    public Result handle(StorageObjectEvent event) {
        if (RenditionKeys.isRendition(event.key(), event.metadata())) {
            log.atDebug().addKeyValue("objectKey", event.key()).log("ignoring our own rendition");
            return Result.of(Outcome.IGNORED_RENDITION);
        }
        Optional<Asset> found = catalog.findByObjectKey(event.key());
        if (found.isEmpty()) {
            log.atWarn().addKeyValue("objectKey", event.key()).addKeyValue("source", event.identity())
                    .log("no catalog entry for this object; it was not uploaded through sign-upload. Acknowledged without processing");
            return Result.of(Outcome.UNKNOWN_OBJECT);
        }
        Asset asset = found.get();
        String ledgerKey = "make-thumbnail:" + event.identity();
        LeaseDecision decision = ledger.begin(ledgerKey, holder, lease);
        if (decision instanceof LeaseDecision.AlreadyDone done) {
            log.atInfo().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                    .addKeyValue("ledgerState", done.state()).log("duplicate delivery; already processed");
            return Result.of(Outcome.DUPLICATE);
        }
        if (decision instanceof LeaseDecision.Busy busy) {
            throw new RetryLaterException("another attempt (" + busy.holder() + ") holds " + ledgerKey
                    + " until " + busy.leaseUntil(), busy.leaseUntil());
        }
        try {
            try {
                return process(asset, event, ledgerKey);
            } catch (PermanentFailureException bad) {
                recordFailure(asset, event, ledgerKey, bad);
                return Result.failed(bad.reason());
            }
        } catch (IOException | RuntimeException fault) {
            ledger.release(ledgerKey, holder);
            if (fault instanceof TransientFailureException transientFault) {
                throw transientFault;
            }
            throw new TransientFailureException("make-thumbnail failed for " + event.identity() + "; will retry: "
                    + fault, fault);
        }
    }

    private Result process(Asset asset, StorageObjectEvent event, String ledgerKey) throws IOException {
        long startNanos = System.nanoTime();
        long maxBytes = spec.limits().maxBytes();
        if (event.size() == 0) {
            throw new PermanentFailureException(FailureReason.EMPTY, "the uploaded object has no bytes");
        }
        if (asset.exceedsUploadSizeCap(event.size())) {
            // The signature already limits the size where the target can (GCS, S3); this catches the targets and
            // paths that cannot, and holds the object to the cap of the policy it was signed under.
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the object has " + event.size()
                    + " bytes; the upload was signed for at most " + asset.uploadSizeCap() + " bytes of "
                    + asset.declaredContentType() + " in folder '" + asset.folder() + "'");
        }
        if (event.size() > maxBytes) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the object has " + event.size()
                    + " bytes; the limit is " + maxBytes);
        }
        List<EncodedRendition> encoded;
        String sniffedType;
        try (InputStream raw = blobs.open(event.key())) {
            BufferedInputStream in = new BufferedInputStream(new ByteLimitedInputStream(raw, maxBytes), 64 * 1024);
            byte[] header = in.readNBytes(ContentSniffer.HEADER_BYTES);
            if (header.length == 0) {
                throw new PermanentFailureException(FailureReason.EMPTY, "the uploaded object has no bytes");
            }
            sniffedType = ContentSniffer.sniff(header, header.length);
            if (!catalog.updateStatus(asset.id(), AssetStatus.PROCESSING, sniffedType, event.size(), null)) {
                log.atInfo().addKeyValue("assetId", asset.id()).log("asset is deleted; nothing to do");
                ledger.succeed(ledgerKey, holder);
                return Result.of(Outcome.ASSET_DELETED);
            }
            if (!policy.ruleFor(asset.folder()).allows(sniffedType)) {
                throw new PermanentFailureException(FailureReason.TYPE, "the content is " + sniffedType
                        + " (sniffed from its bytes; declared " + asset.declaredContentType() + "), which folder '"
                        + asset.folder() + "' does not accept");
            }
            if (!thumbnailer.canRender(sniffedType)) {
                encoded = List.of();
            } else {
                InputStream whole = new SequenceInputStream(new ByteArrayInputStream(header), in);
                encoded = thumbnailer.render(whole, sniffedType, spec);
            }
        }
        List<Rendition> renditions = store(asset, event, encoded);
        catalog.replaceRenditions(asset.id(), renditions);
        catalog.updateStatus(asset.id(), AssetStatus.READY, sniffedType, event.size(), null);
        events.publish(new AssetEnriched(asset.id().toString(), event.identity(), renditions.stream()
                .map(r -> new AssetEnriched.RenditionRef(r.name(), r.width(), r.height(), r.format(), r.bytes(),
                        urls.urlOf(r.objectKey())))
                .toList()));
        ledger.succeed(ledgerKey, holder);
        log.atInfo().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                .addKeyValue("contentType", sniffedType).addKeyValue("renditions", renditions.size())
                .addKeyValue("durationMs", (System.nanoTime() - startNanos) / 1_000_000)
                .log(encoded.isEmpty() ? "asset ready; no thumbnailer for this type yet" : "thumbnails made");
        return Result.rendered(encoded.isEmpty() ? Outcome.NOTHING_TO_RENDER : Outcome.RENDERED, renditions);
    }

    private List<Rendition> store(Asset asset, StorageObjectEvent event, List<EncodedRendition> encoded) throws IOException {
        List<Rendition> renditions = new ArrayList<>();
        for (EncodedRendition image : encoded) {
            String key = RenditionKeys.keyFor(asset.id(), event.identity(), image.name(), image.format());
            blobs.put(key, new ByteArrayInputStream(image.data()), image.contentType(),
                    RenditionKeys.metadataFor(event.identity()));
            renditions.add(new Rendition(asset.id(), image.name(), image.width(), image.height(), image.format(),
                    image.data().length, key));
        }
        return renditions;
    }

    private void recordFailure(Asset asset, StorageObjectEvent event, String ledgerKey, PermanentFailureException bad) {
        log.atWarn().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                .addKeyValue("reason", bad.reason().code()).log("asset failed: {}", bad.getMessage());
        catalog.replaceRenditions(asset.id(), List.of());
        catalog.updateStatus(asset.id(), AssetStatus.FAILED, null, event.size(), bad.failure());
        events.publish(new AssetFailed(asset.id().toString(), event.identity(), bad.reason().code(), bad.getMessage()));
        ledger.fail(ledgerKey, holder, bad.failure());
    }
}
