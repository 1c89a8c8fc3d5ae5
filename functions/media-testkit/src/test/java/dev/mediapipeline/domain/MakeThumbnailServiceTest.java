package dev.mediapipeline.domain;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.AssetFailed;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService.Outcome;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService.Result;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import dev.mediapipeline.testkit.fakes.InMemoryProcessingLedger;
import dev.mediapipeline.testkit.fakes.MutableClock;
import dev.mediapipeline.testkit.fakes.RecordingEventPublisher;
import dev.mediapipeline.testkit.fakes.SizeRecordingThumbnailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MakeThumbnailServiceTest {

    private static final byte[] JPEG_BYTES = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private static final byte[] EXE_BYTES = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    private static final byte[] PDF_BYTES = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(clock);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore("media");
    private final InMemoryProcessingLedger ledger = new InMemoryProcessingLedger(clock);
    private final SizeRecordingThumbnailer thumbnailer = new SizeRecordingThumbnailer();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final MakeThumbnailService service = service("worker-1");

    private MakeThumbnailService service(String holder) {
        return new MakeThumbnailService(catalog, blobs, ledger, thumbnailer, events, key -> "http://cdn.test/" + key,
                UploadPolicy.defaults(), ThumbnailSpec.defaults(), holder, Duration.ofMinutes(5));
    }

    private AssetId pendingAsset(String folder, String declaredType) {
        AssetId id = AssetId.random();
        catalog.insert(Asset.pending(id, folder, "f", declaredType, 10, SignUploadService.objectKeyFor(folder, id, declaredType),
                "alice", clock.instant()));
        return id;
    }

    /** A pending JPEG in products whose upload was signed with {@code cap} as its size cap. */
    private AssetId pendingJpegWithCap(long cap) {
        AssetId id = AssetId.random();
        catalog.insert(Asset.pending(id, "products", "f.jpg", "image/jpeg", 5,
                SignUploadService.objectKeyFor("products", id, "image/jpeg"), "alice", clock.instant(), cap,
                clock.instant().plusSeconds(900)));
        return id;
    }

    private StorageObjectEvent upload(AssetId id, byte[] bytes) throws IOException {
        String key = catalog.find(id).orElseThrow().objectKey();
        var info = blobs.put(key, new ByteArrayInputStream(bytes), "image/jpeg", Map.of());
        return new StorageObjectEvent("media", key, info.generation(), bytes.length, "image/jpeg", Map.of(), clock.instant());
    }

    @Test
    void anUploadedJpegBecomesReadyWithOneRenditionPerSizeUnderTheDerivedPrefix() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");

        Outcome outcome = service.handle(upload(id, JPEG_BYTES)).outcome();

        assertThat(outcome).isEqualTo(Outcome.RENDERED);
        Asset asset = catalog.find(id).orElseThrow();
        assertThat(asset.status()).isEqualTo(AssetStatus.READY);
        assertThat(asset.contentType()).isEqualTo("image/jpeg");
        assertThat(catalog.renditions(id)).extracting(r -> r.name()).containsExactly("w1024", "w512", "w256");
        assertThat(catalog.renditions(id)).allSatisfy(r -> {
            assertThat(r.objectKey()).startsWith(RenditionKeys.PREFIX + id + "/");
            assertThat(blobs.keys()).contains(r.objectKey());
        });
        assertThat(events.published(AssetEnriched.class)).singleElement()
                .satisfies(e -> assertThat(e.renditions()).allSatisfy(r -> assertThat(r.url()).startsWith("http://cdn.test/derived/")));
    }

    @Test
    void theSameEventDeliveredTenTimesProducesOneSetOfRenditions() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, JPEG_BYTES);
        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.RENDERED);
        int writesAfterFirst = blobs.putCount();

        for (int i = 0; i < 9; i++) {
            assertThat(service.handle(event).outcome()).isEqualTo(Outcome.DUPLICATE);
        }

        assertThat(blobs.putCount()).isEqualTo(writesAfterFirst);
        assertThat(thumbnailer.calls()).isEqualTo(1);
        assertThat(catalog.renditions(id)).hasSize(3);
        assertThat(events.published(AssetEnriched.class)).hasSize(1);
    }

    @Test
    void anExecutableDeclaredAsJpegEndsFailedWithATypeReasonAndNoRenditions() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");

        assertThat(service.handle(upload(id, EXE_BYTES)).outcome()).isEqualTo(Outcome.FAILED);

        Asset asset = catalog.find(id).orElseThrow();
        assertThat(asset.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(asset.failure().reason()).isEqualTo(FailureReason.TYPE);
        assertThat(asset.failure().detail()).contains("application/x-msdownload");
        assertThat(catalog.renditions(id)).isEmpty();
        assertThat(thumbnailer.calls()).isZero();
        assertThat(events.published(AssetFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("type"));
    }

    @Test
    void aFailedAssetIsNotRetriedOnRedelivery() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, EXE_BYTES);
        service.handle(event);

        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(events.published(AssetFailed.class)).hasSize(1);
    }

    @Test
    void anEmptyObjectEndsFailedEmpty() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");

        assertThat(service.handle(upload(id, new byte[0])).outcome()).isEqualTo(Outcome.FAILED);

        assertThat(catalog.find(id).orElseThrow().failure().reason()).isEqualTo(FailureReason.EMPTY);
    }

    @Test
    void aPdfInDocumentsIsReadyWithoutRenditionsUntilAPdfThumbnailerExists() throws IOException {
        AssetId id = pendingAsset("documents", "application/pdf");

        assertThat(service.handle(upload(id, PDF_BYTES)).outcome()).isEqualTo(Outcome.NOTHING_TO_RENDER);

        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.READY);
        assertThat(catalog.renditions(id)).isEmpty();
    }

    @Test
    void aPdfInProductsIsTheWrongType() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");

        service.handle(upload(id, PDF_BYTES));

        assertThat(catalog.find(id).orElseThrow().failure().reason()).isEqualTo(FailureReason.TYPE);
    }

    @Test
    void ourOwnRenditionsNeverTriggerWork() {
        var byPrefix = new StorageObjectEvent("media", "derived/x/y/w256.jpg", "1", 3, "image/jpeg", Map.of(), clock.instant());
        var byMarker = new StorageObjectEvent("media", "originals/products/x.jpg", "1", 3, "image/jpeg",
                RenditionKeys.metadataFor("src"), clock.instant());

        assertThat(service.handle(byPrefix).outcome()).isEqualTo(Outcome.IGNORED_RENDITION);
        assertThat(service.handle(byMarker).outcome()).isEqualTo(Outcome.IGNORED_RENDITION);
        assertThat(thumbnailer.calls()).isZero();
    }

    @Test
    void anObjectTheCatalogDoesNotKnowIsAcknowledgedWithoutWork() {
        var event = new StorageObjectEvent("media", "originals/products/stray.jpg", "1", 3, "image/jpeg", Map.of(), clock.instant());

        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.UNKNOWN_OBJECT);
        assertThat(blobs.putCount()).isZero();
    }

    @Test
    void aStorageFaultIsRetryableAndTheRetryStartsAtOnce() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, JPEG_BYTES);
        blobs.failNextOperations(1);

        assertThatThrownBy(() -> service.handle(event)).isInstanceOf(TransientFailureException.class);
        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(catalog.renditions(id)).hasSize(3);
    }

    @Test
    void aPublishFaultIsRetriedAndTheRetryOverwritesTheSameKeys() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, JPEG_BYTES);
        events.failNext(1);

        assertThatThrownBy(() -> service.handle(event)).isInstanceOf(TransientFailureException.class);
        var keysAfterFailure = blobs.keys();
        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.RENDERED);

        assertThat(blobs.keys()).isEqualTo(keysAfterFailure);
        assertThat(events.published(AssetEnriched.class)).hasSize(1);
    }

    @Test
    void aCrashedAttemptIsTakenOverOnceItsLeaseExpires() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, JPEG_BYTES);
        ledger.begin("make-thumbnail:" + event.identity(), "crashed-worker", Duration.ofMinutes(5));

        assertThatThrownBy(() -> service("worker-2").handle(event)).isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("crashed-worker");
        clock.advance(Duration.ofMinutes(6));

        assertThat(service("worker-2").handle(event).outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.READY);
    }

    @Test
    void aDeletedAssetIsNotProcessed() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent event = upload(id, JPEG_BYTES);
        catalog.updateStatus(id, AssetStatus.DELETED, null, null, null);

        assertThat(service.handle(event).outcome()).isEqualTo(Outcome.ASSET_DELETED);
        assertThat(thumbnailer.calls()).isZero();
    }

    @Test
    void theResultNamesTheRenditionsWrittenOrTheFailureReason() throws IOException {
        AssetId rendered = pendingAsset("products", "image/jpeg");
        AssetId failed = pendingAsset("products", "image/jpeg");

        Result success = service.handle(upload(rendered, JPEG_BYTES));
        Result failure = service.handle(upload(failed, EXE_BYTES));

        assertThat(success.failure()).isEmpty();
        assertThat(success.renditions()).extracting(Rendition::objectKey)
                .containsExactlyElementsOf(catalog.renditions(rendered).stream().map(Rendition::objectKey).toList());
        assertThat(failure.failure()).contains(FailureReason.TYPE);
        assertThat(failure.renditions()).isEmpty();
    }

    @Test
    void anObjectThatDeliversMoreBytesThanTheLimitIsRefusedWhileReading() throws IOException {
        ThumbnailSpec small = ThumbnailSpec.defaults().withLimits(ThumbnailSpec.defaults().limits().withMaxBytes(100));
        MakeThumbnailService strict = new MakeThumbnailService(catalog, blobs, ledger, thumbnailer, events,
                key -> "http://cdn.test/" + key, UploadPolicy.defaults(), small, "worker-1", Duration.ofMinutes(5));
        AssetId id = pendingAsset("products", "image/jpeg");
        byte[] large = Arrays.copyOf(JPEG_BYTES, 5_000);
        StorageObjectEvent claimsToBeSmall = withSize(upload(id, large), 50);

        Result result = strict.handle(claimsToBeSmall);

        assertThat(result.failure()).contains(FailureReason.TOO_LARGE);
        assertThat(catalog.find(id).orElseThrow().failure().detail()).contains("100 bytes");
        assertThat(catalog.renditions(id)).isEmpty();
    }

    @Test
    void anObjectOverTheLimitByItsEventIsRefusedWithoutBeingRead() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        StorageObjectEvent huge = withSize(upload(id, JPEG_BYTES), ThumbnailSpec.defaults().limits().maxBytes() + 1);

        assertThat(service.handle(huge).failure()).contains(FailureReason.TOO_LARGE);
        assertThat(thumbnailer.calls()).isZero();
    }

    @Test
    void anObjectOverTheCapRecordedAtSigningEndsFailedTooLargeWithoutBeingRead() throws IOException {
        AssetId id = pendingJpegWithCap(JPEG_BYTES.length - 1);

        Result result = service.handle(upload(id, JPEG_BYTES));

        assertThat(result.failure()).contains(FailureReason.TOO_LARGE);
        Asset failed = catalog.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.failure().detail()).contains("signed for at most " + (JPEG_BYTES.length - 1) + " bytes");
        assertThat(thumbnailer.calls()).isZero();
        assertThat(catalog.renditions(id)).isEmpty();
    }

    @Test
    void anObjectExactlyAtTheCapRecordedAtSigningIsRendered() throws IOException {
        AssetId id = pendingJpegWithCap(JPEG_BYTES.length);

        assertThat(service.handle(upload(id, JPEG_BYTES)).outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.READY);
    }

    /** Bad-inputs.md row 21: keys arrive decoded once by the platform edge and are never decoded again or used as paths. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"originals/products/../../etc/passwd", "originals/products/caf\u0065\u0301.jpg",
            "originals/products/gpj.\u202Eexe.jpg", "originals/products/a+b c%2Fd.jpg", "LONG"})
    void oddObjectKeysAreFoundAsTheyAreAndRenditionsLiveUnderDerivedIds(String given) throws IOException {
        String key = given.equals("LONG") ? "originals/products/" + "k".repeat(1025 - "originals/products/".length()) : given;
        AssetId id = AssetId.random();
        catalog.insert(Asset.pending(id, "products", "f.jpg", "image/jpeg", JPEG_BYTES.length, key, "alice", clock.instant()));
        var info = blobs.put(key, new ByteArrayInputStream(JPEG_BYTES), "image/jpeg", Map.of());
        StorageObjectEvent event = new StorageObjectEvent("media", key, info.generation(), JPEG_BYTES.length,
                "image/jpeg", Map.of(), clock.instant());

        Result result = service.handle(event);

        assertThat(result.outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(result.renditions()).hasSize(3).allSatisfy(rendition -> assertThat(rendition.objectKey())
                .matches("derived/" + id + "/[0-9a-f]{16}/w(256|512|1024)\\.jpg"));
        assertThat(blobs.keys()).filteredOn(stored -> !stored.equals(key)).allMatch(stored -> stored.startsWith("derived/" + id));
    }

    @Test
    void keysThatLookAlikeAfterNormalisationAreDifferentObjectsWithDifferentRenditionKeys() throws IOException {
        String composed = "originals/products/caf\u00e9.jpg";
        String decomposed = "originals/products/cafe\u0301.jpg";
        AssetId first = AssetId.random();
        AssetId second = AssetId.random();
        catalog.insert(Asset.pending(first, "products", "f.jpg", "image/jpeg", 10, composed, "alice", clock.instant()));
        catalog.insert(Asset.pending(second, "products", "f.jpg", "image/jpeg", 10, decomposed, "alice", clock.instant()));

        Result one = service.handle(uploadAt(composed));
        Result other = service.handle(uploadAt(decomposed));

        assertThat(one.renditions().get(0).assetId()).isEqualTo(first);
        assertThat(other.renditions().get(0).assetId()).isEqualTo(second);
    }

    /** Bad-inputs.md row 22: the finalize event of a rendition we wrote ourselves, marker metadata and all. */
    @Test
    void theEventOfARenditionWeWroteIsIgnoredWithoutAnyWrite() throws IOException {
        AssetId id = pendingAsset("products", "image/jpeg");
        Result rendered = service.handle(upload(id, JPEG_BYTES));
        String renditionKey = rendered.renditions().get(0).objectKey();
        var written = blobs.stat(renditionKey).orElseThrow();
        int writes = blobs.putCount();
        int published = events.published(AssetEnriched.class).size();

        StorageObjectEvent echo = new StorageObjectEvent("media", renditionKey, written.generation(), written.size(),
                written.contentType(), written.metadata(), clock.instant());
        StorageObjectEvent echoWithoutMetadata = new StorageObjectEvent("media", renditionKey, written.generation(),
                written.size(), written.contentType(), Map.of(), clock.instant());

        assertThat(service.handle(echo).outcome()).isEqualTo(Outcome.IGNORED_RENDITION);
        assertThat(service.handle(echoWithoutMetadata).outcome()).isEqualTo(Outcome.IGNORED_RENDITION);
        assertThat(written.metadata()).containsEntry(RenditionKeys.MARKER_METADATA, "true");
        assertThat(blobs.putCount()).isEqualTo(writes);
        assertThat(events.published(AssetEnriched.class)).hasSize(published);
        assertThat(thumbnailer.calls()).isEqualTo(1);
    }

    private StorageObjectEvent uploadAt(String key) throws IOException {
        var info = blobs.put(key, new ByteArrayInputStream(JPEG_BYTES), "image/jpeg", Map.of());
        return new StorageObjectEvent("media", key, info.generation(), JPEG_BYTES.length, "image/jpeg", Map.of(), clock.instant());
    }

    private static StorageObjectEvent withSize(StorageObjectEvent event, long size) {
        return new StorageObjectEvent(event.bucket(), event.key(), event.generation(), size, event.contentType(),
                event.metadata(), event.eventTime());
    }
}
