package dev.mediapipeline.domain;

import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import dev.mediapipeline.domain.upload.UploadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.mediapipeline.domain.upload.UploadPolicy.MEGABYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPolicyTest {

    private final UploadPolicy policy = UploadPolicy.defaults();

    @Test
    void productsAcceptImagesUpToFiveMegabytes() {
        assertThat(policy.check(new UploadRequest("products", "a.jpg", "image/jpeg", 5 * MEGABYTE)))
                .isEqualTo(5 * MEGABYTE);
        assertThat(policy.check(new UploadRequest("products", "a.webp", "IMAGE/WEBP; q=1", 10))).isEqualTo(5 * MEGABYTE);
    }

    @Test
    void oneByteOverTheCapIsTooLargeAndTheAnswerSaysWhatIsAllowed() {
        assertThatThrownBy(() -> policy.check(new UploadRequest("products", "a.jpg", "image/jpeg", 5 * MEGABYTE + 1)))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.TOO_LARGE);
                    assertThat(e.allowed()).containsEntry("image/jpeg", 5 * MEGABYTE);
                });
    }

    @Test
    void bannersTakeTenMegabytes() {
        assertThat(policy.check(new UploadRequest("banners", "b.png", "image/png", 10 * MEGABYTE))).isEqualTo(10 * MEGABYTE);
    }

    @Test
    void documentsAlsoTakePdfsUpToTwentyMegabytesButImagesStayAtFive() {
        assertThat(policy.check(new UploadRequest("documents", "d.pdf", "application/pdf", 20 * MEGABYTE)))
                .isEqualTo(20 * MEGABYTE);
        assertThatThrownBy(() -> policy.check(new UploadRequest("documents", "d.jpg", "image/jpeg", 6 * MEGABYTE)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.TOO_LARGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "application/x-msdownload", "application/pdf", "text/html"})
    void typesOutsideTheAllowListAreRefused(String type) {
        assertThatThrownBy(() -> policy.check(new UploadRequest("products", "x", type, 100)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.TYPE_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../admin", "a&folder=b", "Products", "unknown", "", "a/b", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"})
    void malformedOrUnknownFoldersAreBadRequests(String folder) {
        assertThatThrownBy(() -> policy.check(new UploadRequest(folder, "a.jpg", "image/jpeg", 100)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evil\u202Egpj.exe", "line\nbreak", "../../etc/passwd", "a/b.jpg", "a\\b.jpg",
            "..", "mark\u200Fed.jpg"})
    void badFilenamesAreBadRequests(String filename) {
        assertThatThrownBy(() -> policy.check(new UploadRequest("products", filename, "image/jpeg", 100)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.INVALID_REQUEST));
    }

    @Test
    void zeroOrNegativeSizesAreBadRequests() {
        assertThatThrownBy(() -> policy.check(new UploadRequest("products", "a.jpg", "image/jpeg", 0)))
                .isInstanceOf(UploadRejectedException.class);
    }

    @Test
    void aFilenameOfTwoHundredFiftySixCharactersIsTooLong() {
        assertThat(policy.check(new UploadRequest("products", "a".repeat(251) + ".jpg", "image/jpeg", 1))).isPositive();
        assertThatThrownBy(() -> policy.check(new UploadRequest("products", "a".repeat(252) + ".jpg", "image/jpeg", 1)))
                .hasMessageContaining("longer than 255");
    }

    @Test
    void bannersNeedStaffOrAdminByDefault() {
        assertThat(policy.ruleFor("banners").roles()).containsExactlyInAnyOrder("staff", "admin");
        assertThat(policy.ruleFor("products").roles()).isEmpty();
    }
}
