package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.ReceivedNotification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The notification samples in {@code events/cloudinary/}, all about one asset of the {@code products} folder. */
final class CloudinarySamples {

    static final Path DIRECTORY = Path.of("../../events/cloudinary").toAbsolutePath().normalize();
    static final AssetId ASSET = AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");
    static final String PUBLIC_ID = "products/" + ASSET;
    static final String UPLOAD = "cloudinary-upload.json";
    static final String DELETE = "cloudinary-delete.json";
    static final String EAGER = "cloudinary-eager.json";
    static final String MODERATION = "cloudinary-moderation.json";

    private CloudinarySamples() {
    }

    static String read(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body as verify-webhook would queue it. */
    static ReceivedNotification received(String body, Instant at) {
        return new ReceivedNotification(NotificationIdentity.of(body.getBytes(StandardCharsets.UTF_8)), body, at, at);
    }
}
