package dev.mediapipeline.cloudinary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Cloudinary's API request signature (cloudinary.com/documentation/authentication_signatures): the parameters sorted
 * by name, empty ones dropped, joined as {@code name=value} with {@code &}, the API secret appended, then the hex
 * SHA-1 or SHA-256 digest. Computed with the JDK so it costs no SDK call and can be checked against the SDK.
 *
 * <p>Values containing {@code &} are refused: signature version 1 (the SDK 1.x) and version 2 (newer SDKs, which
 * escape it as {@code %26}) would disagree about them, and nothing we sign needs one.
 */
public final class CloudinarySignature {

    /** Never part of the signed string, even when sent with the upload. */
    public static final java.util.Set<String> UNSIGNED = java.util.Set.of("file", "cloud_name", "resource_type", "api_key");

    public enum Algorithm {
        SHA1("SHA-1"), SHA256("SHA-256");

        private final String jdkName;

        Algorithm(String jdkName) {
            this.jdkName = jdkName;
        }

        /** {@code sha1} / {@code sha256}, any case, as in {@code signature_algorithm}. */
        public static Algorithm fromCode(String code) {
            return switch (code == null ? "" : code.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "sha1", "sha-1" -> SHA1;
                case "sha256", "sha-256" -> SHA256;
                default -> throw new IllegalArgumentException("the Cloudinary signature algorithm is sha1 or sha256; got '"
                        + code + "'");
            };
        }
    }

    private CloudinarySignature() {
    }

    /** The string that is hashed, without the secret: what a support request or a log may show. */
    public static String toSign(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (UNSIGNED.contains(name) || value == null || value.isEmpty()) {
                return;
            }
            if (value.indexOf('&') >= 0) {
                throw new IllegalArgumentException("the Cloudinary parameter " + name + " contains '&', which signature "
                        + "versions 1 and 2 treat differently");
            }
            joined.add(name + "=" + value);
        });
        return joined.toString();
    }

    public static String sign(Map<String, String> params, String apiSecret, Algorithm algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.jdkName);
            byte[] hash = digest.digest((toSign(params) + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.jdkName + " is required by every Java platform", e);
        }
    }
}
