package dev.mediapipeline.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks Cloudinary's notification signature: {@code X-Cld-Signature} must be the lower-case hex digest of the raw
 * body bytes, followed by the {@code X-Cld-Timestamp} header value, followed by the secret; a plain hash, not an
 * HMAC. The timestamp must be within the window of the injected clock, in the past or in the future.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Only lower-case hex is accepted. Cloudinary sends lower-case; accepting other spellings would let one
 *       signature be written several ways, and the bad-input corpus lists upper-case hex as a forgery (401).</li>
 *   <li>The signature is checked before the window, so {@code stale-timestamp} and {@code future-timestamp} always
 *       describe genuine notifications (a replay or a skewed clock), never forgeries.</li>
 *   <li>Every accepted secret is tried, without stopping at the first match, and compared with
 *       {@link MessageDigest#isEqual}, so timing tells an attacker nothing about which secret matched or how many
 *       leading characters were right.</li>
 *   <li>The header carries whole seconds, so the window is compared in whole seconds: |now − timestamp| equal to
 *       the window is accepted, one second more is not.</li>
 * </ul>
 */
public final class NotificationSignatureVerifier {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    /** Unix seconds; twelve digits reach far beyond any real clock and keep the value inside a long. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private final List<byte[]> secrets;
    private final SignatureAlgorithm algorithm;
    private final long windowSeconds;
    private final Clock clock;

    /**
     * @param secrets   every secret accepted now: one normally, the old and the new one during a rotation
     * @param window    largest accepted |now − timestamp|, at least one second
     */
    public NotificationSignatureVerifier(List<String> secrets, SignatureAlgorithm algorithm, Duration window, Clock clock) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one notification signing secret is needed");
        }
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a notification signing secret must not be blank");
            }
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the timestamp window must be at least one second, was " + window);
        }
        this.secrets = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.windowSeconds = window.toSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param body            the bytes exactly as received; a re-serialised JSON would not match
     * @param timestampHeader the {@code X-Cld-Timestamp} value
     * @param signatureHeader the {@code X-Cld-Signature} value
     * @return when the notification was signed
     * @throws NotificationRejectedException with the reason when the notification cannot be trusted
     */
    public Instant verify(byte[] body, String timestampHeader, String signatureHeader) {
        Objects.requireNonNull(body, "body");
        if (signatureHeader == null || signatureHeader.isEmpty()) {
            throw new NotificationRejectedException(RejectionReason.MISSING_SIGNATURE,
                    "the X-Cld-Signature header is missing");
        }
        if (timestampHeader == null || timestampHeader.isEmpty()) {
            throw new NotificationRejectedException(RejectionReason.MISSING_TIMESTAMP,
                    "the X-Cld-Timestamp header is missing");
        }
        if (!UNIX_SECONDS.matcher(timestampHeader).matches()) {
            throw new NotificationRejectedException(RejectionReason.MALFORMED_TIMESTAMP,
                    "X-Cld-Timestamp must be Unix seconds (digits only)");
        }
        if (!matchesAnySecret(body, timestampHeader, signatureHeader)) {
            throw new NotificationRejectedException(RejectionReason.BAD_SIGNATURE,
                    "X-Cld-Signature does not match the body and timestamp under any accepted secret");
        }
        long signedAt = Long.parseLong(timestampHeader);
        long age = clock.instant().getEpochSecond() - signedAt;
        if (age > windowSeconds) {
            throw new NotificationRejectedException(RejectionReason.STALE_TIMESTAMP,
                    "the notification was signed " + age + " s ago; at most " + windowSeconds + " s are accepted");
        }
        if (-age > windowSeconds) {
            throw new NotificationRejectedException(RejectionReason.FUTURE_TIMESTAMP,
                    "the notification is signed " + -age + " s in the future; at most " + windowSeconds
                            + " s of clock skew are accepted");
        }
        return Instant.ofEpochSecond(signedAt);
    }

    private boolean matchesAnySecret(byte[] body, String timestampHeader, String signatureHeader) {
        byte[] provided = signatureHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] timestamp = timestampHeader.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (byte[] secret : secrets) {
            matched |= MessageDigest.isEqual(expectedSignature(body, timestamp, secret), provided);
        }
        return matched;
    }

    private byte[] expectedSignature(byte[] body, byte[] timestamp, byte[] secret) {
        MessageDigest digest = algorithm.newDigest();
        digest.update(body);
        digest.update(timestamp);
        digest.update(secret);
        return HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
    }
}
