package dev.mediapipeline.domain.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes two deliveries "the same notification": the SHA-256 of the raw body, as 64 lower-case hex digits.
 *
 * <p>A Cloudinary retry resends the same body, so every delivery of one notification gets one identity. The
 * {@code X-Cld-Timestamp} header is deliberately left out: whether a retry is signed again with a fresh timestamp
 * is not documented, and the identity must hold either way. Distinct events have distinct bodies (they carry their
 * own {@code timestamp}, version or request fields); two events with byte-identical bodies would describe the same
 * state, so applying only one of them loses nothing.
 */
public final class NotificationIdentity {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    private NotificationIdentity() {
    }

    public static String of(byte[] rawBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** True for strings shaped like an identity, for checking messages that arrive from a queue. */
    public static boolean isWellFormed(String identity) {
        return identity != null && FORM.matcher(identity).matches();
    }
}
