package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.NotificationDecoder;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.ProviderCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * apply-webhook-event: applies one queued Cloudinary notification to the catalog, once.
 *
 * <p>The notification log is claimed on the notification's identity first, so a duplicate delivery, however late,
 * changes nothing. A notification is matched to an asset through its public id ({@link PublicIds}); one about no
 * asset the catalog knows is recorded as UNKNOWN_ASSET for reconciliation, and one whose body cannot be applied is
 * recorded as UNUSABLE with its reason: both are acknowledged, neither is retried. Storage faults release the claim
 * and are thrown as {@link TransientFailureException} so the queue retries and finally dead-letters.
 *
 * <p>An upload notification also moves a PENDING_UPLOAD asset to UPLOADED: when the upload went to Cloudinary,
 * that notification is the only sign that the bytes arrived (an upload over the cap recorded at signing ends FAILED
 * too-large instead). Assets further along are left alone, and no other
 * notification touches the asset's status (a destroyed provider copy is not a deleted asset).
 */
public final class ApplyNotificationService {

    /** The provider name recorded with every copy these notifications describe. */
    public static final String PROVIDER = "cloudinary";

    private static final Logger log = LoggerFactory.getLogger(ApplyNotificationService.class);

    public enum Outcome { APPLIED, DUPLICATE, UNKNOWN_ASSET, UNUSABLE }

    /**
     * @param type   null when the body could not be decoded
     * @param reason a reason code for UNUSABLE and UNKNOWN_ASSET (and APPLIED with unknown resources); else null
     */
    public record Result(Outcome outcome, NotificationType type, String reason) {
    }

    private final NotificationDecoder decoder;
    private final AssetCatalog catalog;
    private final ProviderCopies copies;
    private final NotificationLog notificationLog;
    private final String holder;
    private final Duration claimFor;

    /**
     * @param holder   names this worker in the log, so a takeover is visible
     * @param claimFor how long one attempt owns a notification before a redelivery may take over
     */
    public ApplyNotificationService(NotificationDecoder decoder, AssetCatalog catalog, ProviderCopies copies,
                                    NotificationLog notificationLog, String holder, Duration claimFor) {
        this.decoder = decoder;
        this.catalog = catalog;
        this.copies = copies;
        this.notificationLog = notificationLog;
        this.holder = holder;
        this.claimFor = claimFor;
    }

    /**
     * @throws RetryLaterException        while another attempt holds the notification
     * @throws TransientFailureException  when storage failed; nothing was recorded as final, a retry starts over
     */
    public Result apply(ReceivedNotification received) {
        String identity = received.identity();
        NotificationClaim claim = claim(received);
        if (claim instanceof NotificationClaim.AlreadyFinished finished) {
            log.atInfo().addKeyValue("identity", identity).addKeyValue("status", finished.entry().status())
                    .log("duplicate notification; already handled, nothing changes");
            return new Result(Outcome.DUPLICATE, NotificationType.fromProviderName(finished.entry().notificationType())
                    .orElse(null), finished.entry().reason());
        }
        if (claim instanceof NotificationClaim.Busy busy) {
            throw new RetryLaterException("notification " + identity + " is being applied by " + busy.holder()
                    + " until " + busy.claimedUntil(), busy.claimedUntil());
        }
        try {
            return applyClaimed(received);
        } catch (RuntimeException fault) {
            releaseAfter(identity, fault);
            if (fault instanceof TransientFailureException transientFault) {
                throw transientFault;
            }
            throw new TransientFailureException("applying notification " + identity + " failed; will retry: " + fault,
                    fault);
        }
    }

    private NotificationClaim claim(ReceivedNotification received) {
        try {
            return notificationLog.claim(received.identity(), received.receivedAt(), received.body(), holder, claimFor);
        } catch (RuntimeException fault) {
            throw new TransientFailureException("could not claim notification " + received.identity() + ": " + fault,
                    fault);
        }
    }

    private Result applyClaimed(ReceivedNotification received) {
        String identity = received.identity();
        CloudinaryNotification notification;
        try {
            notification = decoder.decode(received.body());
        } catch (UnusableNotificationException unusable) {
            finish(identity, NotificationOutcome.unusable(unusable.reason(), unusable.getMessage()));
            log.atWarn().addKeyValue("identity", identity).addKeyValue("reason", unusable.reason().code())
                    .log("notification cannot be applied; recorded for inspection: {}", unusable.getMessage());
            return new Result(Outcome.UNUSABLE, null, unusable.reason().code());
        }
        List<String> unknown = new ArrayList<>();
        int applied = 0;
        for (NotifiedResource resource : notification.resources()) {
            Optional<Asset> asset = resource.assetId().flatMap(catalog::find);
            if (asset.isEmpty()) {
                unknown.add(resource.publicId());
                log.atWarn().addKeyValue("identity", identity).addKeyValue("publicId", resource.publicId())
                        .addKeyValue("notificationType", notification.type().providerName())
                        .log("no catalog asset for this public id; recorded for reconciliation");
                continue;
            }
            applyTo(asset.get(), notification, resource);
            applied++;
            log.atInfo().addKeyValue("identity", identity).addKeyValue("assetId", asset.get().id())
                    .addKeyValue("publicId", resource.publicId()).addKeyValue("version", resource.version())
                    .addKeyValue("notificationType", notification.type().providerName())
                    .log("notification applied");
        }
        NotificationType type = notification.type();
        if (applied == 0) {
            finish(identity, NotificationOutcome.unknownAsset(type, unknownDetail(unknown)));
            return new Result(Outcome.UNKNOWN_ASSET, type, NotificationOutcome.UNKNOWN_ASSET);
        }
        if (!unknown.isEmpty()) {
            finish(identity, NotificationOutcome.partlyApplied(type, unknownDetail(unknown)));
            return new Result(Outcome.APPLIED, type, NotificationOutcome.UNKNOWN_ASSET);
        }
        finish(identity, NotificationOutcome.applied(type));
        return new Result(Outcome.APPLIED, type, null);
    }

    private void applyTo(Asset asset, CloudinaryNotification notification, NotifiedResource resource) {
        AssetId id = asset.id();
        switch (notification.type()) {
            case UPLOAD -> {
                copies.recordUpload(id, PROVIDER, resource, notification.moderation());
                if (asset.status() == AssetStatus.PENDING_UPLOAD) {
                    markArrived(asset, resource.bytes());
                }
            }
            case DESTROY -> copies.recordDeletion(id, PROVIDER, resource);
            case DERIVED -> copies.recordDerived(id, PROVIDER, resource, notification.derived());
            case MODERATION -> copies.recordModeration(id, PROVIDER, resource, notification.moderation());
        }
    }

    /**
     * UPLOADED, or FAILED too-large when the provider reports more bytes than the cap recorded at signing: Cloudinary
     * cannot enforce our cap in the signature, so this is where it is held.
     */
    private void markArrived(Asset asset, Long bytes) {
        if (bytes != null && asset.exceedsUploadSizeCap(bytes)) {
            String detail = "the upload has " + bytes + " bytes; it was signed for at most " + asset.uploadSizeCap()
                    + " bytes of " + asset.declaredContentType() + " in folder '" + asset.folder() + "'";
            catalog.updateStatus(asset.id(), AssetStatus.FAILED, null, bytes, new Failure(FailureReason.TOO_LARGE, detail));
            log.atWarn().addKeyValue("assetId", asset.id()).addKeyValue("size", bytes)
                    .addKeyValue("uploadSizeCap", asset.uploadSizeCap()).log("asset failed: {}", detail);
            return;
        }
        catalog.updateStatus(asset.id(), AssetStatus.UPLOADED, null, bytes, null);
    }

    private void finish(String identity, NotificationOutcome outcome) {
        if (!notificationLog.finish(identity, holder, outcome)) {
            // Our claim expired and another attempt took over: it will record its own outcome. Everything written
            // above is an idempotent upsert, so the two attempts cannot disagree about the catalog.
            log.atWarn().addKeyValue("identity", identity).addKeyValue("holder", holder)
                    .log("claim lost before finishing; the attempt that took over records the outcome");
        }
    }

    private void releaseAfter(String identity, RuntimeException fault) {
        try {
            notificationLog.release(identity, holder);
        } catch (RuntimeException releaseFault) {
            // The claim then simply expires; the retry waits for it instead of starting at once.
            fault.addSuppressed(releaseFault);
        }
    }

    private static String unknownDetail(List<String> publicIds) {
        return "no catalog asset for public id" + (publicIds.size() == 1 ? " " : "s ") + String.join(", ", publicIds);
    }
}
