package dev.mediapipeline.cloud.gcp.runtime;

import com.google.cloud.functions.Context;
import dev.mediapipeline.cloud.gcp.GcsObjectDecoder;
import dev.mediapipeline.cloud.gcp.PubSubMessage;
import dev.mediapipeline.cloud.gcp.PubSubMessages;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Event functions behind Spring Cloud Function's GCP {@code FunctionInvoker} (4.3.0), which implements the Functions
 * Framework's {@code RawBackgroundFunction}: the bean gets a message whose payload is the event's data as JSON text
 * and whose {@value #CONTEXT} header is the event's {@link Context}. Gen2 triggers deliver CloudEvents; the
 * framework turns them into that shape first: a {@code google.cloud.storage.object.v1.finalized} CloudEvent becomes
 * the object resource with event type {@code google.storage.object.finalize}; a
 * {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent becomes the Pub/Sub message (less its
 * {@code messageId} and {@code publishTime}, which move to the context's event id and timestamp).
 *
 * <p>Errors: a payload that can never be handled ({@link PermanentFailureException} from the decoders) is logged
 * and acknowledged; anything else is thrown, so the framework answers 500 and Pub/Sub / Eventarc retries and
 * finally dead-letters.
 */
public final class BackgroundEventAdapter {

    /** The header FunctionInvoker puts the event context in. */
    public static final String CONTEXT = "gcf_context";

    private static final Logger log = LoggerFactory.getLogger(BackgroundEventAdapter.class);
    private static final Set<String> FINALIZE_TYPES = Set.of("google.storage.object.finalize",
            "google.cloud.storage.object.v1.finalized");

    private BackgroundEventAdapter() {
    }

    /** Storage "object finalized" events (Eventarc); other storage events are acknowledged and ignored. */
    public static Consumer<Message<String>> objectFinalized(Consumer<StorageObjectEvent> function) {
        GcsObjectDecoder decoder = new GcsObjectDecoder();
        return message -> {
            Context context = context(message);
            if (context != null && context.eventType() != null && !FINALIZE_TYPES.contains(context.eventType())) {
                log.atInfo().addKeyValue("eventType", context.eventType()).addKeyValue("eventId", context.eventId())
                        .log("ignoring a storage event that is not an object finalize");
                return;
            }
            acknowledgingPermanentFailures(context, () -> decoder.decode(message.getPayload()).ifPresent(function));
        };
    }

    /** Pub/Sub messages (event trigger on a topic); the message id and publish time restored from the context. */
    public static Consumer<Message<String>> pubSubMessages(Consumer<PubSubMessage> function) {
        PubSubMessages messages = new PubSubMessages();
        return message -> {
            Context context = context(message);
            acknowledgingPermanentFailures(context, () -> function.accept(withContext(
                    messages.decode(message.getPayload()), context)));
        };
    }

    private static void acknowledgingPermanentFailures(Context context, Runnable handling) {
        try {
            handling.run();
        } catch (PermanentFailureException e) {
            log.atError().addKeyValue("eventId", context == null ? null : context.eventId())
                    .addKeyValue("eventType", context == null ? null : context.eventType())
                    .addKeyValue("reason", e.reason()).setCause(e)
                    .log("event cannot be handled and is acknowledged, not retried: {}", e.getMessage());
        }
    }

    private static PubSubMessage withContext(PubSubMessage message, Context context) {
        if (context == null) {
            return message;
        }
        String id = message.messageId() != null ? message.messageId() : context.eventId();
        Instant published = message.publishTime() != null ? message.publishTime() : instant(context.timestamp());
        return new PubSubMessage(id, message.data(), message.attributes(), published, message.subscription(),
                message.deliveryAttempt());
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Context context(Message<String> message) {
        return message.getHeaders().get(CONTEXT) instanceof Context context ? context : null;
    }
}
