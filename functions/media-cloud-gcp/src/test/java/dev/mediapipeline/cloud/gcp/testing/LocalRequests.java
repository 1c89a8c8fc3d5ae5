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

/** Filling the placeholders of HTTP request files, and the event type of background-shaped event files. */
final class LocalRequests {

    private LocalRequests() {
    }

    static HttpRequestFile filled(HttpRequestFile request, String jwtSecret, String cloudinarySecret) throws Exception {
        String token = new HmacJwt(jwtSecret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ofMinutes(1),
                new ObjectMapper()).issue("local-user", List.of("uploader"), Duration.ofMinutes(15));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                (request.bodyText() + timestamp + cloudinarySecret).getBytes(StandardCharsets.UTF_8)));
        return request.withHeaders(value -> value.replace("{{token}}", token).replace("{{timestamp}}", timestamp)
                .replace("{{signature}}", signature));
    }

    /** A file in the background shape: a storage object (gcs-) or a Pub/Sub message (pubsub-, scheduler-). */
    static String backgroundEventType(Path eventFile) {
        return eventFile.getFileName().toString().startsWith("gcs-") ? "google.storage.object.finalize"
                : "google.pubsub.topic.publish";
    }
}
