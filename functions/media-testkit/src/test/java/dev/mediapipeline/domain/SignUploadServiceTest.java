package dev.mediapipeline.domain;

import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.error.AccessDeniedException;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.Caller;
import dev.mediapipeline.domain.upload.SignUploadResult;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import dev.mediapipeline.domain.upload.UploadRequest;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignUploadServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(clock);
    private final List<UploadGrant> grants = new ArrayList<>();
    private final UploadSigner signer = new UploadSigner() {
        @Override
        public String target() {
            return "test";
        }

        @Override
        public SignedUpload sign(UploadGrant grant) {
            grants.add(grant);
            return new SignedUpload("test", "POST", "http://upload.test/", Map.of("key", grant.objectKey()), "file");
        }
    };
    private final SignUploadService service = new SignUploadService(UploadPolicy.defaults(), signer, catalog, clock,
            Duration.ofMinutes(15), "uploader");
    private final Caller alice = new Caller("alice", Set.of("uploader"));

    @Test
    void aValidRequestRecordsAPendingAssetAndSignsExactlyThatObject() {
        SignUploadResult result = service.sign(alice, new UploadRequest("products", "hero.jpg", "image/jpeg", 482113));

        var asset = catalog.find(result.assetId()).orElseThrow();
        assertThat(asset.status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
        assertThat(asset.owner()).isEqualTo("alice");
        assertThat(asset.objectKey()).isEqualTo("originals/products/" + result.assetId() + "/hero.jpg");
        assertThat(grants).singleElement().satisfies(grant -> {
            assertThat(grant.objectKey()).isEqualTo(asset.objectKey());
            assertThat(grant.contentType()).isEqualTo("image/jpeg");
            assertThat(grant.minBytes()).isEqualTo(1);
            assertThat(grant.maxBytes()).isEqualTo(482113);
            assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-03-01T12:15:00Z"));
        });
        assertThat(result.expiresAt()).isEqualTo(Instant.parse("2026-03-01T12:15:00Z"));
    }

    @Test
    void thePendingRowKeepsTheSignedMaximum_theDeclaredSizeNotTheFoldersCap_andTheSignedExpiry() {
        SignUploadResult result = service.sign(alice, new UploadRequest("products", "hero.jpg", "image/jpeg", 482113));

        var asset = catalog.find(result.assetId()).orElseThrow();
        assertThat(asset.declaredSize()).isEqualTo(482113);
        assertThat(asset.uploadSizeCap()).as("what was signed, for every target").isEqualTo(482113);
        assertThat(asset.uploadExpiresAt()).isEqualTo(Instant.parse("2026-03-01T12:15:00Z"));
    }

    @Test
    void theFilenameReachesTheObjectKeyOnlySanitisedAndWithTheSignedTypesExtension() {
        SignUploadResult result = service.sign(alice, new UploadRequest("products", "Été Shot (1).exe.HTML", "image/png", 10));

        assertThat(catalog.find(result.assetId()).orElseThrow().objectKey())
                .isEqualTo("originals/products/" + result.assetId() + "/ete-shot-1-exe.png");
    }

    @Test
    void aPathAsFilenameIsRefused() {
        assertThatThrownBy(() -> service.sign(alice, new UploadRequest("products", "../../etc/passwd", "image/png", 10)))
                .isInstanceOf(UploadRejectedException.class).hasMessageContaining("plain file name");
        assertThat(catalog.size()).isZero();
    }

    @Test
    void aFolderWithItsOwnRolesAcceptsAnyOfThemAndNotTheDefaultRole() {
        Caller staff = new Caller("sam", Set.of("staff"));

        assertThat(service.sign(staff, new UploadRequest("banners", "b.png", "image/png", 10)).assetId()).isNotNull();
        assertThatThrownBy(() -> service.sign(alice, new UploadRequest("banners", "b.png", "image/png", 10)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.requiredRoles()).containsExactlyInAnyOrder("staff", "admin"));
    }

    @Test
    void theResultReportsTheExpiryTheSignerActuallySigned() {
        Instant shorter = clock.instant().plus(Duration.ofMinutes(4));
        UploadSigner shortening = fixedSigner("short", shorter);
        SignUploadService service = new SignUploadService(UploadPolicy.defaults(), shortening, catalog, clock,
                Duration.ofMinutes(15), "uploader");

        SignUploadResult result = service.sign(alice, new UploadRequest("products", "a.jpg", "image/jpeg", 10));

        assertThat(result.expiresAt()).isEqualTo(shorter);
        assertThat(catalog.find(result.assetId()).orElseThrow().uploadExpiresAt())
                .as("the pending row keeps the expiry that was signed, not the one asked for").isEqualTo(shorter);
    }

    @Test
    void aFolderTargetChoosesItsSigner_andAnUnknownTargetFailsAtStartup() {
        UploadSigner other = fixedSigner("other", null);
        Map<String, dev.mediapipeline.domain.upload.FolderRule> rules = new java.util.LinkedHashMap<>(UploadPolicy.defaults().folders());
        var products = rules.get("products");
        rules.put("products", new dev.mediapipeline.domain.upload.FolderRule("products", products.maxBytesByType(),
                Set.of(), "originals", "other"));
        UploadPolicy policy = new UploadPolicy(rules);
        SignUploadService routed = new SignUploadService(policy,
                dev.mediapipeline.domain.upload.UploadTargets.of(List.of(signer, other), "test", policy), catalog, clock,
                Duration.ofMinutes(15), "uploader");

        assertThat(routed.sign(alice, new UploadRequest("products", "a.jpg", "image/jpeg", 10)).upload().target())
                .isEqualTo("other");
        assertThat(routed.sign(alice, new UploadRequest("avatars", "a.jpg", "image/jpeg", 10)).upload().target())
                .isEqualTo("test");
        assertThatThrownBy(() -> dev.mediapipeline.domain.upload.UploadTargets.of(List.of(signer), "test", policy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("folder 'products' names target 'other'").hasMessageContaining("test");
    }

    @Test
    void aCallerWithoutTheUploaderRoleIsDenied() {
        Caller viewer = new Caller("bob", Set.of("viewer"));

        assertThatThrownBy(() -> service.sign(viewer, new UploadRequest("products", "a.jpg", "image/jpeg", 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalog.size()).isZero();
    }

    @Test
    void aRefusedRequestLeavesNoAssetBehind() {
        assertThatThrownBy(() -> service.sign(alice, new UploadRequest("products", "a.jpg", "image/jpeg", 6 * UploadPolicy.MEGABYTE)))
                .isInstanceOf(UploadRejectedException.class);
        assertThat(catalog.size()).isZero();
        assertThat(grants).isEmpty();
    }

    /** A signer that answers the same form every time, reporting {@code expiresAt} (null: the grant's). */
    private static UploadSigner fixedSigner(String target, Instant expiresAt) {
        return new UploadSigner() {
            @Override
            public String target() {
                return target;
            }

            @Override
            public SignedUpload sign(UploadGrant grant) {
                return new SignedUpload(target, "POST", "http://" + target + ".test/", Map.of(), "file", expiresAt);
            }
        };
    }
}
