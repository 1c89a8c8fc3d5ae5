package dev.mediapipeline.cloud.gcp.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.support.auth.HmacJwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Fills the placeholders of HTTP request files: {@code {{token}}} with a bearer token issued now, {@code {{timestamp}}}
 * and {@code {{signature}}} with a Cloudinary signature made now (SHA-256 of body, timestamp and secret, in hex).
 */
public final class RequestPlaceholders {

    private RequestPlaceholders() {
    }

    public static HttpRequestFile withBearerToken(HttpRequestFile request, String jwtSecret, List<String> roles) {
        String token = new HmacJwt(jwtSecret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ofMinutes(1),
                new ObjectMapper()).issue("local-user", roles, Duration.ofMinutes(15));
        return request.withHeaders(value -> value.replace("{{token}}", token));
    }

    public static HttpRequestFile withCloudinarySignature(HttpRequestFile request, String secret) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                (request.bodyText() + timestamp + secret).getBytes(StandardCharsets.UTF_8)));
        return request.withHeaders(value -> value.replace("{{timestamp}}", timestamp)
                .replace("{{signature}}", signature));
    }

    static HttpRequestFile filled(HttpRequestFile request, String jwtSecret, String cloudinarySecret) throws Exception {
        return withCloudinarySignature(withBearerToken(request, jwtSecret, List.of("uploader")), cloudinarySecret);
    }

    /** A file in the background shape: a storage object (gcs-) or a Pub/Sub message (pubsub-, scheduler-). */
    static String backgroundEventType(Path eventFile) {
        return eventFile.getFileName().toString().startsWith("gcs-") ? "google.storage.object.finalize"
                : "google.pubsub.topic.publish";
    }
}
