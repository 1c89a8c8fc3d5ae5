package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mediapipeline.domain.webhook.ApplyNotificationService.Outcome.APPLIED;
import static dev.mediapipeline.domain.webhook.ApplyNotificationService.Outcome.DUPLICATE;
import static dev.mediapipeline.domain.webhook.ApplyNotificationService.Outcome.UNKNOWN_ASSET;
import static dev.mediapipeline.domain.webhook.ApplyNotificationService.Outcome.UNUSABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplyNotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final SettableClock clock = new SettableClock(NOW);
    private final MapAssetCatalog catalog = new MapAssetCatalog(clock);
    private final RecordingProviderCopies copies = new RecordingProviderCopies();
    private final InMemoryNotificationLog notificationLog = new InMemoryNotificationLog(clock);
    private final Map<String, CloudinaryNotification> decodable = new HashMap<>();
    private final NotificationDecoder decoder = body -> {
        CloudinaryNotification notification = decodable.get(body);
        if (notification == null) {
            throw new UnusableNotificationException(UnusableReason.UNSUPPORTED_TYPE, "notification_type 'rename'");
        }
        return notification;
    };
    private final ApplyNotificationService service =
            new ApplyNotificationService(decoder, catalog, copies, notificationLog, "worker-a", CLAIM);

    private final Asset pending = Asset.pending(AssetId.random(), "products", "a.jpg", "image/jpeg", 10,
            "originals/products/a.jpg", "alice", NOW);

    private ReceivedNotification received(String body, CloudinaryNotification decodesTo) {
        if (decodesTo != null) {
            decodable.put(body, decodesTo);
        }
        return new ReceivedNotification(NotificationIdentity.of(body.getBytes(StandardCharsets.UTF_8)), body, NOW, NOW);
    }

    private static NotifiedResource resource(String publicId, Long version) {
        return new NotifiedResource(publicId, "image", "upload", version, "https://res.example/" + publicId, "jpg",
                482113L, "cld-asset-1");
    }

    /** A pending asset signed with {@code cap} as its size cap, already in the catalog. */
    private Asset pendingWithCap(long cap) {
        Asset capped = Asset.pending(AssetId.random(), "products", "a.jpg", "image/jpeg", 10,
                "originals/products/capped.jpg", "alice", NOW, cap, NOW.plusSeconds(900));
        catalog.insert(capped);
        return capped;
    }

    private String publicIdOf(Asset asset) {
        return PublicIds.publicIdFor(asset.folder(), asset.id());
    }

    @Test
    void anUploadRecordsTheCopyAndMovesAPendingAssetToUploaded() {
        catalog.insert(pending);
        NotifiedResource copy = resource(publicIdOf(pending), 1767225600L);

        ApplyNotificationService.Result result = service.apply(received("upload-1",
                CloudinaryNotification.upload(copy, new ModerationVerdict("pending", "manual"))));

        assertThat(result).isEqualTo(new ApplyNotificationService.Result(APPLIED, NotificationType.UPLOAD, null));
        assertThat(copies.writes()).containsExactly(new RecordingProviderCopies.Write("upload", pending.id(),
                ApplyNotificationService.PROVIDER, copy, new ModerationVerdict("pending", "manual")));
        Asset after = catalog.find(pending.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AssetStatus.UPLOADED);
        assertThat(after.size()).isEqualTo(482113L);
        assertThat(notificationLog.find(NotificationIdentity.of("upload-1".getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(n -> {
                    assertThat(n.status()).isEqualTo(NotificationStatus.APPLIED);
                    assertThat(n.notificationType()).isEqualTo("upload");
                });
    }

    @Test
    void anUploadOverTheCapRecordedAtSigningEndsTheAssetFailedTooLarge() {
        Asset capped = pendingWithCap(482112L);

        service.apply(received("upload-capped", CloudinaryNotification.upload(resource(publicIdOf(capped), 3L), null)));

        Asset after = catalog.find(capped.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(after.failure().reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(after.failure().detail()).contains("482113 bytes", "at most 482112 bytes");
        assertThat(copies.writes()).as("the copy exists at the provider either way").hasSize(1);
    }

    @Test
    void anUploadAtTheCapRecordedAtSigningIsUploaded() {
        Asset capped = pendingWithCap(482113L);

        service.apply(received("upload-at-cap", CloudinaryNotification.upload(resource(publicIdOf(capped), 4L), null)));

        assertThat(catalog.find(capped.id()).orElseThrow().status()).isEqualTo(AssetStatus.UPLOADED);
    }

    @Test
    void anUploadLeavesAnAssetThatIsAlreadyFurtherAlongAsItIs() {
        catalog.insert(pending);
        catalog.updateStatus(pending.id(), AssetStatus.PROCESSING, "image/jpeg", 10L, null);

        service.apply(received("upload-2", CloudinaryNotification.upload(resource(publicIdOf(pending), 2L), null)));

        assertThat(catalog.find(pending.id()).orElseThrow().status()).isEqualTo(AssetStatus.PROCESSING);
        assertThat(copies.writes()).hasSize(1);
    }

    @Test
    void destroyDerivedAndModerationEachReachTheirPortAndLeaveTheAssetStatusAlone() {
        catalog.insert(pending);
        NotifiedResource copy = resource(publicIdOf(pending), 3L);
        List<DerivedCopy> derived = List.of(new DerivedCopy("c_fill,w_256", "jpg", 256, 256, 9000L, "https://d/1"));

        service.apply(received("destroy", CloudinaryNotification.destroy(List.of(copy))));
        service.apply(received("derived", CloudinaryNotification.derived(copy, derived)));
        service.apply(received("moderation", CloudinaryNotification.moderation(copy, new ModerationVerdict("approved", "manual"))));

        assertThat(copies.writes()).extracting(RecordingProviderCopies.Write::kind)
                .containsExactly("deletion", "derived", "moderation");
        assertThat(copies.writes().get(1).detail()).isEqualTo(derived);
        assertThat(catalog.find(pending.id()).orElseThrow().status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
    }

    @Test
    void theSameNotificationTwiceHasOneEffect() {
        catalog.insert(pending);
        CloudinaryNotification upload = CloudinaryNotification.upload(resource(publicIdOf(pending), 1L), null);

        ApplyNotificationService.Result first = service.apply(received("twice", upload));
        ApplyNotificationService.Result second = service.apply(received("twice", upload));

        assertThat(first.outcome()).isEqualTo(APPLIED);
        assertThat(second).isEqualTo(new ApplyNotificationService.Result(DUPLICATE, NotificationType.UPLOAD, null));
        assertThat(copies.writes()).hasSize(1);
    }

    @Test
    void aPublicIdThatIsNotOursIsRecordedForReconciliationAndAcknowledged() {
        ApplyNotificationService.Result result = service.apply(received("foreign",
                CloudinaryNotification.upload(resource("samples/cat", 1L), null)));

        assertThat(result).isEqualTo(new ApplyNotificationService.Result(UNKNOWN_ASSET, NotificationType.UPLOAD,
                "unknown-asset"));
        assertThat(copies.writes()).isEmpty();
        assertThat(notificationLog.awaitingReconciliation(10)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.UNKNOWN_ASSET);
            assertThat(n.detail()).contains("samples/cat");
            assertThat(n.body()).isEqualTo("foreign");
        });
    }

    @Test
    void aUuidTheCatalogDoesNotKnowIsAnUnknownAssetToo() {
        ApplyNotificationService.Result result = service.apply(received("unknown-uuid",
                CloudinaryNotification.upload(resource("products/" + AssetId.random(), 1L), null)));

        assertThat(result.outcome()).isEqualTo(UNKNOWN_ASSET);
        assertThat(copies.writes()).isEmpty();
    }

    @Test
    void aDestroyOfKnownAndUnknownCopiesAppliesTheKnownOnesAndKeepsTheRestForReconciliation() {
        catalog.insert(pending);
        NotifiedResource ours = resource(publicIdOf(pending), 4L);

        ApplyNotificationService.Result result = service.apply(received("mixed",
                CloudinaryNotification.destroy(List.of(ours, resource("samples/dog", 1L)))));

        assertThat(result).isEqualTo(new ApplyNotificationService.Result(APPLIED, NotificationType.DESTROY,
                "unknown-asset"));
        assertThat(copies.writes()).extracting(RecordingProviderCopies.Write::resource).containsExactly(ours);
        assertThat(notificationLog.awaitingReconciliation(10)).singleElement()
                .satisfies(n -> assertThat(n.detail()).contains("samples/dog").doesNotContain(ours.publicId()));
    }

    @Test
    void anUnusableBodyIsRecordedWithItsReasonAndNotRetried() {
        ApplyNotificationService.Result result = service.apply(received("{\"notification_type\":\"rename\"}", null));

        assertThat(result).isEqualTo(new ApplyNotificationService.Result(UNUSABLE, null, "unsupported-type"));
        assertThat(notificationLog.awaitingReconciliation(10)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.UNUSABLE);
            assertThat(n.reason()).isEqualTo("unsupported-type");
        });
        assertThat(service.apply(received("{\"notification_type\":\"rename\"}", null)).outcome()).isEqualTo(DUPLICATE);
    }

    @Test
    void aStorageFaultIsTransientReleasesTheClaimAndTheRetryAppliesOnce() {
        catalog.insert(pending);
        ReceivedNotification upload = received("flaky",
                CloudinaryNotification.upload(resource(publicIdOf(pending), 1L), null));
        copies.failNext(1);

        assertThatThrownBy(() -> service.apply(upload)).isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("simulated database outage");
        assertThat(notificationLog.find(upload.identity()).orElseThrow().status()).isEqualTo(NotificationStatus.APPLYING);

        assertThat(service.apply(upload).outcome()).isEqualTo(APPLIED);
        assertThat(service.apply(upload).outcome()).isEqualTo(DUPLICATE);
        assertThat(copies.writes()).hasSize(1);
        assertThat(notificationLog.find(upload.identity()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void whileAnotherWorkerHoldsTheNotificationADeliveryIsToldToComeBackLater() {
        catalog.insert(pending);
        ReceivedNotification upload = received("busy",
                CloudinaryNotification.upload(resource(publicIdOf(pending), 1L), null));
        notificationLog.claim(upload.identity(), NOW, upload.body(), "worker-b", CLAIM);

        assertThatThrownBy(() -> service.apply(upload)).isInstanceOfSatisfying(RetryLaterException.class,
                e -> assertThat(e.notBefore()).isEqualTo(NOW.plus(CLAIM)));
        assertThat(copies.writes()).isEmpty();

        clock.advance(CLAIM.plusSeconds(1));
        assertThat(service.apply(upload).outcome()).isEqualTo(APPLIED);
    }

    @Test
    void theNotificationRecordCarriesANotificationOnlyOnce() {
        assertThatThrownBy(() -> new CloudinaryNotification(NotificationType.UPLOAD,
                List.of(resource("a/b", 1L), resource("a/c", 1L)), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudinaryNotification.moderation(resource("a/b", 1L), null))
                .isInstanceOf(IllegalArgumentException.class);
        CloudinaryNotification upload = CloudinaryNotification.upload(resource("products/" + pending.id(), 7L),
                new ModerationVerdict("pending", null));
        assertThat(upload.assetId()).contains(pending.id());
        assertThat(upload.version()).isEqualTo(7L);
        assertThat(upload.moderationStatus()).contains("pending");
        assertThat(new NotifiedResource("a/b", null, null, null, null, null, null, null).resourceType())
                .isEqualTo("image");
    }
}
