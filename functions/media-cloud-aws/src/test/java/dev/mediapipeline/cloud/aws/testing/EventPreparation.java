package dev.mediapipeline.cloud.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.support.auth.HmacJwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A sample HTTP event made valid for the local services, as a real caller's would be: a bearer token signed with
 * {@link LocalAws#JWT_SECRET} replaces the sample's placeholder, and a Cloudinary notification is signed now with
 * {@link LocalAws#CLOUDINARY_API_SECRET} (the sample's signature and timestamp are illustrative). Nothing else
 * changes: the body stays byte for byte what the file holds.
 */
public final class EventPreparation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPreparation() {
    }

    public static String prepare(String event) {
        try {
            JsonNode root = JSON.readTree(event);
            if (!(root.path("headers") instanceof ObjectNode headers)) {
                return event;
            }
            if (headers.has("authorization")) {
                headers.put("authorization", "Bearer " + uploaderToken());
            }
            if (headers.has("x-cld-signature")) {
                String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                headers.put("x-cld-timestamp", timestamp);
                headers.put("x-cld-signature", cloudinarySignature(body(root), timestamp));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not JSON", e);
        }
    }

    /** A token for the role sign-upload requires, valid for five minutes. */
    public static String uploaderToken() {
        return new HmacJwt(LocalAws.JWT_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ofSeconds(60),
                JSON).issue("user-42", List.of("uploader"), Duration.ofMinutes(5));
    }

    /** The raw body of an HTTP API event. */
    public static byte[] body(JsonNode event) {
        String body = event.path("body").asText("");
        return event.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /** Cloudinary's documented scheme: hex(SHA-256(body + timestamp + API secret)). */
    public static String cloudinarySignature(byte[] body, String timestamp) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body);
            digest.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            digest.update(LocalAws.CLOUDINARY_API_SECRET.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
