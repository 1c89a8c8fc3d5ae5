package dev.mediapipeline.cloud.gcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.GcsObjectDecoder;
import dev.mediapipeline.cloud.gcp.NotificationMessages;
import dev.mediapipeline.cloud.gcp.PubSubMessages;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.event.StorageObjectEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What an event file needs to find in place before a function can do real work on it: for a storage event (or a
 * storage notification on Pub/Sub, also as a push subscription's HTTP request), a real fixture at the object it names and the catalog row sign-upload would have
 * written; for a webhook message, the catalog row of the asset the notification is about. Other events need nothing.
 */
public final class EventSeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSeeds() {
    }

    /** @return what was seeded, for the log; empty when the event needs nothing */
    public static Optional<String> seed(GcpTestEnvironment cloud, Path eventFile, String json) throws Exception {
        String name = eventFile.getFileName().toString();
        if (name.startsWith("http-pubsub-push-")) {
            // A push subscription's request: its body is the envelope a pubsub-push-* file holds.
            name = name.substring("http-".length());
            json = HttpRequestFile.parse(json).bodyText();
        }
        if (name.startsWith("gcs-")) {
            return new GcsObjectDecoder().decode(json).map(event -> seedObject(cloud, event));
        }
        if (name.startsWith("pubsub-") && name.contains("storage")) {
            PubSubMessages messages = new PubSubMessages();
            return messages.storageEvent(messages.decode(json)).map(event -> seedObject(cloud, event));
        }
        if (name.startsWith("pubsub-") && name.contains("webhook")) {
            JsonNode notification = JSON.readTree(NotificationMessages.decode(new PubSubMessages().decode(json)).body());
            String publicId = notification.path("public_id").asText();
            AssetId id = AssetId.parse(publicId.substring(publicId.lastIndexOf('/') + 1));
            String folder = publicId.contains("/") ? publicId.substring(0, publicId.indexOf('/')) : "products";
            cloud.catalog().insert(Asset.pending(id, folder, "upload.jpg", "image/jpeg", notification.path("bytes").asLong(1),
                    "originals/" + folder + "/" + id.value() + ".jpg", null, Instant.now()));
            return Optional.of("catalog row for asset " + id.value());
        }
        return Optional.empty();
    }

    private static String seedObject(GcpTestEnvironment cloud, StorageObjectEvent event) {
        String type = event.contentType() == null ? "image/jpeg" : event.contentType();
        String fixture = type.equals("application/pdf") ? "text-10-pages.pdf"
                : type.equals("image/png") ? "logo-alpha.png" : "photo-12mp.jpg";
        try {
            cloud.seedUpload(event.key(), GcpTestEnvironment.fixture(fixture), type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "fixtures/" + fixture + " at gs://" + event.bucket() + "/" + event.key() + " and its catalog row";
    }
}
