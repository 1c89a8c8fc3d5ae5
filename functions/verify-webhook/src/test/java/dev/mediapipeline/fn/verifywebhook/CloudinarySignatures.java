package dev.mediapipeline.fn.verifywebhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Signs a body the way Cloudinary documents it: hex(SHA(body + timestamp + secret)), computed here independently. */
final class CloudinarySignatures {

    private CloudinarySignatures() {
    }

    static String sign(byte[] body, String timestamp, String secret, String jdkAlgorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance(jdkAlgorithm);
            digest.update(body);
            digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            digest.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
