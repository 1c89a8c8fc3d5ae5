package dev.mediapipeline.domain.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The digest Cloudinary signs notifications with. Both are accepted by Cloudinary by default; an account can be
 * restricted to SHA-256, which is why it is our default. The setting is ours, never negotiated by a request.
 */
public enum SignatureAlgorithm {
    SHA1("SHA-1", 40),
    SHA256("SHA-256", 64);

    private final String jdkName;
    private final int hexLength;

    SignatureAlgorithm(String jdkName, int hexLength) {
        this.jdkName = jdkName;
        this.hexLength = hexLength;
    }

    /** Accepts {@code sha1}, {@code sha-1}, {@code sha256}, {@code sha-256} in any case (the Cloudinary SDKs say {@code sha256}). */
    public static SignatureAlgorithm parse(String text) {
        String compact = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        return switch (compact) {
            case "sha1" -> SHA1;
            case "sha256" -> SHA256;
            default -> throw new IllegalArgumentException("unknown notification signature algorithm '" + text
                    + "'; use sha256 (the default) or sha1");
        };
    }

    /** Length of the lower-case hex digest in the signature header. */
    public int hexLength() {
        return hexLength;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is required by every Java platform", e);
        }
    }
}
