package dev.mediapipeline.cloud.aws.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.QueuedMessage;
import dev.mediapipeline.cloud.aws.SqsMessages;
import dev.mediapipeline.cloud.aws.WebhookMessages;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.webhook.PublicIds;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must exist before a sample event can do real work: the object an upload event names (a real fixture from
 * {@code fixtures/}) with the catalog row sign-upload would have written, the asset a webhook notification is about,
 * an orphan for clean-up. {@link #forEvent} picks by the event's shape.
 */
public final class Seeds {

    /** What clean-up finds: a finished asset nobody has used for longer than the 30-day rule. */
    public static final Duration ORPHAN_AGE = Duration.ofDays(40);

    private static final Pattern UUID_IN_KEY = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Seeds() {
    }

    /** Seeds what the event refers to; returns a sentence saying what was seeded. */
    public static String forEvent(LocalAws aws, String event) {
        JsonNode root = readTree(event);
        if (root.has("Records") && root.path("Records").path(0).has("receiptHandle")) {
            return forQueueMessages(aws, event);
        }
        if (root.has("scheduleArn") || "Scheduled Event".equals(root.path("detail-type").asText())) {
            String key = "originals/products/" + UUID.randomUUID() + "/old-photo.jpg";
            object(aws, key, fixture("rotated-exif-6.jpg"), "image/jpeg");
            UUID orphan = asset(aws, key, "READY", Instant.now().minus(ORPHAN_AGE));
            return "an object at " + key + " and its READY asset " + orphan + " created " + ORPHAN_AGE.toDays()
                    + " days ago (an orphan for clean-up, bytes for poll-usage)";
        }
        return "nothing (an HTTP request needs no prior state)";
    }

    private static String forQueueMessages(LocalAws aws, String event) {
        SqsMessages messages = new SqsMessages();
        SQSEvent sqs = LambdaEventSerializers.serializerFor(SQSEvent.class, Seeds.class.getClassLoader()).fromJson(event);
        StringBuilder seeded = new StringBuilder();
        for (SQSEvent.SQSMessage record : sqs.getRecords()) {
            QueuedMessage message = messages.unwrap(record);
            if (message.body().contains("\"identity\"")) {
                String publicId = readTree(WebhookMessages.notification(message.body()).body()).path("public_id").asText();
                UUID id = PublicIds.assetIdOf(publicId).map(assetId -> assetId.value())
                        .orElseThrow(() -> new IllegalArgumentException("no asset id in public id " + publicId));
                asset(aws, id, "originals/products/" + id + "/hero.jpg", "READY", Instant.now());
                seeded.append("the READY asset ").append(id).append(" the notification is about; ");
                continue;
            }
            for (StorageObjectEvent upload : messages.storageEvents(message)) {
                boolean pdf = upload.key().endsWith(".pdf");
                object(aws, upload.key(), fixture(pdf ? "mixed-3-pages.pdf" : "rotated-exif-6.jpg"),
                        pdf ? "application/pdf" : "image/jpeg");
                UUID id = asset(aws, upload.key(), "PENDING_UPLOAD", Instant.now());
                seeded.append(pdf ? "fixtures/mixed-3-pages.pdf" : "fixtures/rotated-exif-6.jpg").append(" at ")
                        .append(upload.key()).append(" with its pending asset ").append(id).append("; ");
            }
        }
        return seeded.isEmpty() ? "nothing" : seeded.toString();
    }

    /** An object in the originals bucket. */
    public static void object(LocalAws aws, String key, byte[] bytes, String contentType) {
        aws.s3().putObject(request -> request.bucket(LocalAws.ORIGINALS_BUCKET).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    /** A catalog row for {@code key}, its id taken from the key when it holds one. */
    public static UUID asset(LocalAws aws, String key, String status, Instant createdAt) {
        Matcher id = UUID_IN_KEY.matcher(key);
        return asset(aws, id.find() ? UUID.fromString(id.group()) : UUID.randomUUID(), key, status, createdAt);
    }

    public static UUID asset(LocalAws aws, UUID id, String key, String status, Instant createdAt) {
        String folder = key.split("/")[1];
        String filename = key.substring(key.lastIndexOf('/') + 1);
        String type = filename.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
        try (Connection connection = aws.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO assets (id, folder, filename, declared_content_type, declared_size, object_key, status,
                                         owner, created_at, updated_at)
                     VALUES (?, ?, ?, ?, 1000000, ?, ?, 'user-42', ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, folder);
            insert.setString(3, filename);
            insert.setString(4, type);
            insert.setString(5, key);
            insert.setString(6, status);
            insert.setTimestamp(7, Timestamp.from(createdAt));
            insert.setTimestamp(8, Timestamp.from(createdAt));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the asset row for " + key, e);
        }
    }

    /** A file of the repository's {@code fixtures/} directory. */
    public static byte[] fixture(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("fixtures").resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no fixtures/" + name + " above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the event is not JSON: " + e.getMessage(), e);
        }
    }
}
