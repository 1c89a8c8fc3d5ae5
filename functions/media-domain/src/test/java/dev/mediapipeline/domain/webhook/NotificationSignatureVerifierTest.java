package dev.mediapipeline.domain.webhook;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSignatureVerifierTest {

    private static final String SECRET = "current-api-secret";
    private static final long NOW = 1_767_225_600L;
    private static final byte[] BODY = "{\"notification_type\":\"upload\",\"public_id\":\"products/x\",\"version\":1}"
            .getBytes(StandardCharsets.UTF_8);

    private static Clock clockAt(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    private static NotificationSignatureVerifier verifier(SignatureAlgorithm algorithm, String... secrets) {
        return new NotificationSignatureVerifier(List.of(secrets), algorithm, Duration.ofMinutes(5), clockAt(NOW));
    }

    /** Independent of the class under test: the digest of body + timestamp + secret, as the documentation defines it. */
    static String sign(byte[] body, String timestamp, String secret, String jdkAlgorithm) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(jdkAlgorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(body);
        digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        digest.update(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static NotificationRejectedException rejection(Runnable call) {
        try {
            call.run();
        } catch (NotificationRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the notification to be rejected");
    }

    @Nested
    class KnownVectors {

        /**
         * Cloudinary's notification-signature page shows only a header example (timestamp 1368881627, signature
         * 29a383e2...) without the body and secret behind it, so it cannot be checked. The vector here is the one the
         * Cloudinary Java SDK's own tests use: body "{}", timestamp "0", secret "someApiSecret", SHA-1 →
         * f9aa4471d2a88ff244424cca2444edf7d7ac3596 (also checked with `printf '{}0someApiSecret' | sha1sum`).
         */
        @Test
        void theSdkTestVectorVerifiesWithSha1() {
            NotificationSignatureVerifier verifier = new NotificationSignatureVerifier(List.of("someApiSecret"),
                    SignatureAlgorithm.SHA1, Duration.ofMinutes(5), clockAt(0));

            Instant signedAt = verifier.verify("{}".getBytes(StandardCharsets.UTF_8), "0",
                    "f9aa4471d2a88ff244424cca2444edf7d7ac3596");

            assertThat(signedAt).isEqualTo(Instant.EPOCH);
        }

        /** Computed independently with coreutils: `printf '{}0someApiSecret' | sha256sum`. */
        @Test
        void theSameInputsVerifyWithSha256() {
            NotificationSignatureVerifier verifier = new NotificationSignatureVerifier(List.of("someApiSecret"),
                    SignatureAlgorithm.SHA256, Duration.ofMinutes(5), clockAt(0));

            assertThat(verifier.verify("{}".getBytes(StandardCharsets.UTF_8), "0",
                    "d5497e1a206ad0ba29ad09a7c0c5f22e939682d15009c15ab3199f62fefbd14b")).isEqualTo(Instant.EPOCH);
        }

        @Test
        void aSha1SignatureIsRejectedWhenSha256IsConfigured() {
            NotificationSignatureVerifier verifier = new NotificationSignatureVerifier(List.of("someApiSecret"),
                    SignatureAlgorithm.SHA256, Duration.ofMinutes(5), clockAt(0));

            assertThat(rejection(() -> verifier.verify("{}".getBytes(StandardCharsets.UTF_8), "0",
                    "f9aa4471d2a88ff244424cca2444edf7d7ac3596")).reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
        }
    }

    @Nested
    class BothAlgorithms {

        @ParameterizedTest
        @ValueSource(strings = {"SHA1", "SHA256"})
        void aCorrectSignatureIsAcceptedAndReturnsTheSignedTime(String name) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(name);
            String jdkName = algorithm == SignatureAlgorithm.SHA1 ? "SHA-1" : "SHA-256";
            String signature = sign(BODY, Long.toString(NOW), SECRET, jdkName);

            assertThat(signature).hasSize(algorithm.hexLength());
            assertThat(verifier(algorithm, SECRET).verify(BODY, Long.toString(NOW), signature))
                    .isEqualTo(Instant.ofEpochSecond(NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sha256", "SHA-256", " Sha256 "})
        void sha256IsSpelledAnyWayTheSdksDo(String text) {
            assertThat(SignatureAlgorithm.parse(text)).isEqualTo(SignatureAlgorithm.SHA256);
        }

        @Test
        void unknownAlgorithmsAreRefusedAtStartup() {
            assertThatThrownBy(() -> SignatureAlgorithm.parse("md5")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sha256");
        }
    }

    /** bad-inputs.md row 24: forged signature, wrong secret, upper-case hex, missing headers → 401. */
    @Nested
    class ForgeriesAreRejected {

        private final NotificationSignatureVerifier verifier = verifier(SignatureAlgorithm.SHA256, SECRET);
        private final String timestamp = Long.toString(NOW);

        @Test
        void aForgedSignatureIsABadSignature() {
            String forged = "0".repeat(64);

            assertThat(rejection(() -> verifier.verify(BODY, timestamp, forged)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }

        @Test
        void aSignatureMadeWithAnotherSecretIsABadSignature() {
            String signature = sign(BODY, timestamp, "someone-elses-secret", "SHA-256");

            assertThat(rejection(() -> verifier.verify(BODY, timestamp, signature)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }

        /** Cloudinary sends lower-case hex; the same digest in upper case is treated as a forgery (decided, row 24). */
        @Test
        void theRightDigestInUpperCaseHexIsRejected() {
            String upper = sign(BODY, timestamp, SECRET, "SHA-256").toUpperCase(Locale.ROOT);

            assertThat(rejection(() -> verifier.verify(BODY, timestamp, upper)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }

        @Test
        void aSignatureOverAReSerialisedBodyIsRejected() {
            byte[] reserialised = "{\"notification_type\": \"upload\", \"public_id\": \"products/x\", \"version\": 1}"
                    .getBytes(StandardCharsets.UTF_8);
            String signatureOfOriginal = sign(BODY, timestamp, SECRET, "SHA-256");

            assertThat(rejection(() -> verifier.verify(reserialised, timestamp, signatureOfOriginal)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }

        @Test
        void changingTheTimestampBreaksTheSignature() {
            String signature = sign(BODY, timestamp, SECRET, "SHA-256");

            assertThat(rejection(() -> verifier.verify(BODY, Long.toString(NOW - 1), signature)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }

        @Test
        void aMissingSignatureHeaderIsNamed() {
            assertThat(rejection(() -> verifier.verify(BODY, timestamp, null)).reason())
                    .isEqualTo(RejectionReason.MISSING_SIGNATURE);
            assertThat(rejection(() -> verifier.verify(BODY, timestamp, "")).reason())
                    .isEqualTo(RejectionReason.MISSING_SIGNATURE);
        }

        @Test
        void aMissingTimestampHeaderIsNamed() {
            String signature = sign(BODY, timestamp, SECRET, "SHA-256");

            assertThat(rejection(() -> verifier.verify(BODY, null, signature)).reason())
                    .isEqualTo(RejectionReason.MISSING_TIMESTAMP);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1767225600", "1767225600.5", "1e9", " 1767225600", "2026-01-01T00:00:00Z",
                "9999999999999999999999"})
        void aTimestampThatIsNotUnixSecondsIsMalformed(String malformed) {
            String signature = sign(BODY, malformed, SECRET, "SHA-256");

            assertThat(rejection(() -> verifier.verify(BODY, malformed, signature)).reason())
                    .isEqualTo(RejectionReason.MALFORMED_TIMESTAMP);
        }

        @Test
        void theMessageNeverContainsTheExpectedSignature() {
            String expected = sign(BODY, timestamp, SECRET, "SHA-256");

            NotificationRejectedException e = rejection(() -> verifier.verify(BODY, timestamp, "f".repeat(64)));

            assertThat(e.getMessage()).doesNotContain(expected).doesNotContain(SECRET);
            assertThat(e.isRetryable()).isFalse();
        }
    }

    /** bad-inputs.md row 25 and the ±300 s edge: |now − timestamp| ≤ 300 s is accepted, future included. */
    @Nested
    class TheWindow {

        private final NotificationSignatureVerifier verifier = verifier(SignatureAlgorithm.SHA256, SECRET);

        private Instant verifyAt(long timestamp) {
            String header = Long.toString(timestamp);
            return verifier.verify(BODY, header, sign(BODY, header, SECRET, "SHA-256"));
        }

        @Test
        void exactly300SecondsOldIsAccepted() {
            assertThat(verifyAt(NOW - 300)).isEqualTo(Instant.ofEpochSecond(NOW - 300));
        }

        @Test
        void exactly300SecondsInTheFutureIsAccepted() {
            assertThat(verifyAt(NOW + 300)).isEqualTo(Instant.ofEpochSecond(NOW + 300));
        }

        @Test
        void aTimestamp301SecondsOldIsStale() {
            assertThat(rejection(() -> verifyAt(NOW - 301)).reason()).isEqualTo(RejectionReason.STALE_TIMESTAMP);
        }

        @Test
        void aTimestamp301SecondsInTheFutureIsRejected() {
            assertThat(rejection(() -> verifyAt(NOW + 301)).reason()).isEqualTo(RejectionReason.FUTURE_TIMESTAMP);
        }

        @Test
        void theWindowIsComparedInWholeSecondsBecauseTheHeaderHasNoFraction() {
            NotificationSignatureVerifier late = new NotificationSignatureVerifier(List.of(SECRET),
                    SignatureAlgorithm.SHA256, Duration.ofMinutes(5),
                    Clock.fixed(Instant.ofEpochSecond(NOW + 300, 999_000_000), ZoneOffset.UTC));
            String header = Long.toString(NOW);

            assertThat(late.verify(BODY, header, sign(BODY, header, SECRET, "SHA-256")))
                    .isEqualTo(Instant.ofEpochSecond(NOW));
        }

        @Test
        void theWindowIsConfigurable() {
            NotificationSignatureVerifier wide = new NotificationSignatureVerifier(List.of(SECRET),
                    SignatureAlgorithm.SHA256, Duration.ofMinutes(10), clockAt(NOW));
            String header = Long.toString(NOW - 599);

            assertThat(wide.verify(BODY, header, sign(BODY, header, SECRET, "SHA-256")))
                    .isEqualTo(Instant.ofEpochSecond(NOW - 599));
        }

        @Test
        void aForgedStaleNotificationIsReportedAsABadSignatureNotAsStale() {
            assertThat(rejection(() -> verifier.verify(BODY, Long.toString(NOW - 3600), "0".repeat(64))).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }
    }

    @Nested
    class SecretRotation {

        private final NotificationSignatureVerifier verifier =
                verifier(SignatureAlgorithm.SHA256, "old-secret", "new-secret");
        private final String timestamp = Long.toString(NOW);

        @Test
        void theOldAndTheNewSecretAreBothAccepted() {
            assertThat(verifier.verify(BODY, timestamp, sign(BODY, timestamp, "old-secret", "SHA-256"))).isNotNull();
            assertThat(verifier.verify(BODY, timestamp, sign(BODY, timestamp, "new-secret", "SHA-256"))).isNotNull();
        }

        @Test
        void aThirdSecretIsRejected() {
            String signature = sign(BODY, timestamp, "retired-secret", "SHA-256");

            assertThat(rejection(() -> verifier.verify(BODY, timestamp, signature)).reason())
                    .isEqualTo(RejectionReason.BAD_SIGNATURE);
        }
    }

    @Test
    void noSecretsOrABlankSecretOrAZeroWindowIsRefusedAtStartup() {
        assertThatThrownBy(() -> new NotificationSignatureVerifier(List.of(), SignatureAlgorithm.SHA256,
                Duration.ofMinutes(5), clockAt(NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationSignatureVerifier(List.of(" "), SignatureAlgorithm.SHA256,
                Duration.ofMinutes(5), clockAt(NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationSignatureVerifier(List.of(SECRET), SignatureAlgorithm.SHA256,
                Duration.ZERO, clockAt(NOW))).isInstanceOf(IllegalArgumentException.class);
    }
}
