package dev.mediapipeline.fn.verifywebhook.gcp;

import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.testkit.support.EventFiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** {@code events/gcp/http-verify-webhook.json} signed now, as Cloudinary signs: SHA-256 of body, timestamp, secret. */
final class CloudinarySignatures {

    static final String API_SECRET = "cloudinary-api-secret-for-tests";
    static final String CLOUDINARY_URL = "cloudinary://123456789012345:" + API_SECRET + "@demo-cloud";

    private CloudinarySignatures() {
    }

    static HttpRequestFile signedSample(String secret) throws Exception {
        HttpRequestFile request = HttpRequestFile.parse(EventFiles.read("gcp", "http-verify-webhook.json"));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                (request.bodyText() + timestamp + secret).getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(digest);
        return request.withHeaders(value -> value.replace("{{timestamp}}", timestamp)
                .replace("{{signature}}", signature));
    }
}
