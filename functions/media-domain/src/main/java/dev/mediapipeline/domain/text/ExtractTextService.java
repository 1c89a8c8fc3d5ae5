package dev.mediapipeline.domain.text;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.TextDocumentEncoder;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.port.TextExtractor;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.thumbnail.ContentSniffer;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * extract-text: an object was finalized → its text, page by page, as a JSON document beside the renditions, a row
 * in the text index, and an {@code asset.text-extracted} event.
 *
 * <p>Safe under at-least-once delivery in the same way as make-thumbnail: the ledger key and the document key are
 * derived from the object's identity, and the index row is an upsert. Bad input is recorded as a FAILED text
 * outcome and acknowledged; I/O faults are thrown as {@link TransientFailureException} so the platform retries.
 *
 * <p>The asset's own status belongs to make-thumbnail, which handles the same event on its own subscription. This
 * service never changes it: two functions moving one status would race (an asset FAILED here while the thumbnails
 * are being made could never become READY). The text outcome has its own status instead.
 */
public final class ExtractTextService {

    private static final Logger log = LoggerFactory.getLogger(ExtractTextService.class);

    /** What happened to one event; returned for logs and tests, never needed for correctness. */
    public enum Outcome {
        EXTRACTED, FAILED, NOTHING_TO_EXTRACT, NOT_ALLOWED, DUPLICATE, IGNORED_RENDITION, UNKNOWN_OBJECT, ASSET_DELETED
    }

    /** The ports the service talks to. */
    public record Ports(AssetCatalog catalog, BlobStore blobs, ProcessingLedger ledger, TextExtractor extractor,
                        TextDocumentEncoder encoder, TextIndex index, TextEvents events, ObjectUrls urls) {
    }

    private final Ports ports;
    private final UploadPolicy policy;
    private final TextSettings settings;
    private final String engine;
    private final String holder;
    private final Duration lease;

    /**
     * @param engine the OCR engine's name, recorded with failures that happen before any page is read
     * @param lease  how long one attempt owns the work; longer than the OCR budget plus the text layer's time
     */
    public ExtractTextService(Ports ports, UploadPolicy policy, TextSettings settings, String engine, String holder,
                              Duration lease) {
        this.ports = ports;
        this.policy = policy;
        this.settings = settings;
        this.engine = engine;
        this.holder = holder;
        this.lease = lease;
    }

    public static String ledgerKey(StorageObjectEvent event) {
        return "extract-text:" + event.identity();
    }

    public Outcome handle(StorageObjectEvent event) {
        if (RenditionKeys.isRendition(event.key(), event.metadata())) {
            log.atDebug().addKeyValue("objectKey", event.key()).log("ignoring our own output");
            return Outcome.IGNORED_RENDITION;
        }
        Optional<Asset> found = ports.catalog().findByObjectKey(event.key());
        if (found.isEmpty()) {
            log.atWarn().addKeyValue("objectKey", event.key()).addKeyValue("source", event.identity())
                    .log("no catalog entry for this object; it was not uploaded through sign-upload. Acknowledged without extracting text");
            return Outcome.UNKNOWN_OBJECT;
        }
        Asset asset = found.get();
        if (asset.status() == AssetStatus.DELETED) {
            log.atInfo().addKeyValue("assetId", asset.id()).log("asset is deleted; no text to extract");
            return Outcome.ASSET_DELETED;
        }
        String ledgerKey = ledgerKey(event);
        LeaseDecision decision = ports.ledger().begin(ledgerKey, holder, lease);
        if (decision instanceof LeaseDecision.AlreadyDone done) {
            log.atInfo().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                    .addKeyValue("ledgerState", done.state()).log("duplicate delivery; text already extracted");
            return Outcome.DUPLICATE;
        }
        if (decision instanceof LeaseDecision.Busy busy) {
            throw new RetryLaterException("another attempt (" + busy.holder() + ") holds " + ledgerKey
                    + " until " + busy.leaseUntil(), busy.leaseUntil());
        }
        try {
            try {
                return process(asset, event, ledgerKey);
            } catch (PermanentFailureException bad) {
                recordFailure(asset, event, ledgerKey, bad.failure());
                return Outcome.FAILED;
            }
        } catch (IOException | RuntimeException fault) {
            ports.ledger().release(ledgerKey, holder);
            if (fault instanceof TransientFailureException transientFault) {
                throw transientFault;
            }
            throw new TransientFailureException("extract-text failed for " + event.identity() + "; will retry: "
                    + fault, fault);
        }
    }

    private Outcome process(Asset asset, StorageObjectEvent event, String ledgerKey) throws IOException {
        long startNanos = System.nanoTime();
        if (event.size() == 0) {
            throw new PermanentFailureException(FailureReason.EMPTY, "the uploaded object has no bytes");
        }
        if (event.size() > settings.maxBytes()) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the object has " + event.size()
                    + " bytes; text is extracted from objects up to " + settings.maxBytes());
        }
        ExtractedText extracted;
        String sniffedType;
        try (InputStream raw = ports.blobs().open(event.key())) {
            BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
            byte[] header = in.readNBytes(ContentSniffer.HEADER_BYTES);
            if (header.length == 0) {
                throw new PermanentFailureException(FailureReason.EMPTY, "the uploaded object has no bytes");
            }
            sniffedType = ContentSniffer.sniff(header, header.length);
            if (!ports.extractor().canExtract(sniffedType)) {
                return finishWithoutText(asset, event, ledgerKey, sniffedType, Outcome.NOTHING_TO_EXTRACT);
            }
            if (!folderAllows(asset, sniffedType)) {
                return finishWithoutText(asset, event, ledgerKey, sniffedType, Outcome.NOT_ALLOWED);
            }
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(header), in);
            extracted = ports.extractor().extract(whole, sniffedType, settings);
        }
        long totalMs = (System.nanoTime() - startNanos) / 1_000_000;
        TextDocument document = TextDocument.assemble(asset.id(), event.identity(), sniffedType, extracted, settings,
                totalMs);
        Optional<Failure> unreadable = document.failure();
        if (unreadable.isPresent()) {
            recordFailure(asset, event, ledgerKey, unreadable.get());
            return Outcome.FAILED;
        }
        String key = TextKeys.documentKey(asset.id(), event.identity());
        ports.blobs().put(key, new ByteArrayInputStream(ports.encoder().encode(document)), TextKeys.CONTENT_TYPE,
                TextKeys.metadataFor(event.identity()));
        TextOutcome outcome = TextOutcome.extracted(document, key);
        ports.index().save(outcome);
        ports.events().publish(new TextExtracted(asset.id().toString(), event.identity(), key, ports.urls().urlOf(key),
                outcome.pageCount(), outcome.pagesRead(), outcome.ocrPages(), outcome.truncated(), outcome.confidence()));
        ports.ledger().succeed(ledgerKey, holder);
        log.atInfo().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                .addKeyValue("contentType", sniffedType).addKeyValue("pageCount", outcome.pageCount())
                .addKeyValue("pagesRead", outcome.pagesRead()).addKeyValue("ocrPages", outcome.ocrPages())
                .addKeyValue("truncated", outcome.truncated()).addKeyValue("confidence", outcome.confidence())
                .addKeyValue("textChars", outcome.text().length()).addKeyValue("warnings", document.warnings().size())
                .addKeyValue("durationMs", (System.nanoTime() - startNanos) / 1_000_000)
                .log("text extracted");
        return Outcome.EXTRACTED;
    }

    /**
     * A type the folder does not accept is make-thumbnail's to fail; reading text out of it would index content
     * the policy refused.
     */
    private boolean folderAllows(Asset asset, String sniffedType) {
        try {
            return policy.ruleFor(asset.folder()).allows(sniffedType);
        } catch (UploadRejectedException unknownFolder) {
            return false;
        }
    }

    private Outcome finishWithoutText(Asset asset, StorageObjectEvent event, String ledgerKey, String sniffedType,
                                      Outcome outcome) {
        log.atInfo().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                .addKeyValue("contentType", sniffedType).addKeyValue("folder", asset.folder())
                .log(outcome == Outcome.NOT_ALLOWED ? "the folder does not accept this type; no text extracted"
                        : "no text extractor for this type");
        ports.ledger().succeed(ledgerKey, holder);
        return outcome;
    }

    private void recordFailure(Asset asset, StorageObjectEvent event, String ledgerKey, Failure failure) {
        log.atWarn().addKeyValue("assetId", asset.id()).addKeyValue("source", event.identity())
                .addKeyValue("reason", failure.reason().code()).log("text extraction failed: {}", failure.detail());
        ports.index().save(TextOutcome.failed(asset.id(), event.identity(), failure, engine, settings));
        ports.events().publish(new TextExtractionFailed(asset.id().toString(), event.identity(),
                failure.reason().code(), failure.detail()));
        ports.ledger().fail(ledgerKey, holder, failure);
    }
}
