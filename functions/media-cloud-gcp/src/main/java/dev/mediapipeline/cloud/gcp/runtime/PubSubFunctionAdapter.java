package dev.mediapipeline.cloud.gcp.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.gcp.PubSubMessage;
import dev.mediapipeline.cloud.gcp.PubSubMessages;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A function fed by a Pub/Sub subscription, whichever way the subscription delivers: one bean serves both of
 * Spring Cloud Function's GCP {@code FunctionInvoker} (4.3.0) entry points, because its input type
 * ({@code Message<Object>}) takes either payload unconverted.
 * <ul>
 *   <li><b>HTTP function behind a push subscription</b> (what the Terraform stack deploys, so that Terraform owns the
 *       retry policy and the dead letter): the payload is the request's {@link Reader} holding the push envelope
 *       {@code {"message": {...}, "subscription": ..., "deliveryAttempt": n}}. The answer tells Pub/Sub what to do:
 *       200 when handled and when the message can never be handled (a {@link PermanentFailureException}, logged and
 *       acknowledged so it is not retried); 500 for any other failure (database or bucket unreachable...), which
 *       Pub/Sub retries with backoff and finally dead-letters; 400 for a body that is no push envelope (logged;
 *       Pub/Sub dead-letters it after the last attempt, where it can be inspected).</li>
 *   <li><b>Event function</b> (an Eventarc Pub/Sub trigger): the payload is the message as JSON text with the event
 *       context in a header; handled by {@link BackgroundEventAdapter#pubSubMessages}. Nothing is answered.</li>
 * </ul>
 */
public final class PubSubFunctionAdapter {

    private static final Logger log = LoggerFactory.getLogger(PubSubFunctionAdapter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Problems PROBLEMS = new Problems(JSON);

    private PubSubFunctionAdapter() {
    }

    public static Function<Message<Object>, Message<byte[]>> pubSubMessages(Consumer<PubSubMessage> function) {
        Consumer<Message<String>> background = BackgroundEventAdapter.pubSubMessages(function);
        PubSubMessages messages = new PubSubMessages();
        return message -> {
            if (message.getPayload() instanceof Reader body) {
                return CloudFunctionHttpAdapter.encode(push(CloudFunctionHttpAdapter.readAll(body), messages, function));
            }
            background.accept(MessageBuilder.withPayload(text(message.getPayload()))
                    .copyHeaders(message.getHeaders()).build());
            return null;
        };
    }

    static HttpFunctionResponse push(String body, PubSubMessages messages, Consumer<PubSubMessage> function) {
        PubSubMessage message;
        try {
            message = messages.decode(requirePushEnvelope(body));
        } catch (PermanentFailureException notAnEnvelope) {
            log.atError().addKeyValue("bodyBytes", body.length()).setCause(notAnEnvelope)
                    .log("rejected a request that is not a Pub/Sub push envelope: {}", notAnEnvelope.getMessage());
            return PROBLEMS.problem(400, "not-a-push-envelope", "Not a Pub/Sub push request",
                    notAnEnvelope.getMessage() + "; this endpoint expects a push subscription's body "
                            + "{\"message\": {\"data\": ..., \"attributes\": ..., \"messageId\": ...}, \"subscription\": ...}");
        }
        try {
            function.accept(message);
            return outcome(message, "handled", null);
        } catch (PermanentFailureException unhandleable) {
            log.atError().addKeyValue("messageId", message.messageId()).addKeyValue("subscription", message.subscription())
                    .addKeyValue("reason", unhandleable.reason()).setCause(unhandleable)
                    .log("message cannot be handled and is acknowledged, not retried: {}", unhandleable.getMessage());
            return outcome(message, "acknowledged-unhandleable", unhandleable.getMessage());
        } catch (RuntimeException transientFailure) {
            log.atError().addKeyValue("messageId", message.messageId()).addKeyValue("subscription", message.subscription())
                    .addKeyValue("deliveryAttempt", message.deliveryAttempt()).setCause(transientFailure)
                    .log("message failed and will be redelivered by Pub/Sub: {}", transientFailure.getMessage());
            return PROBLEMS.problem(500, "transient-failure", "Message not handled; Pub/Sub will retry it",
                    String.valueOf(transientFailure.getMessage()));
        }
    }

    /** Only a push body is accepted over HTTP: a bare message or a CloudEvent means a misconfigured sender. */
    private static String requirePushEnvelope(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject() || !root.path("message").isObject()) {
                throw new PermanentFailureException(FailureReason.CORRUPT,
                        "the body is not a JSON object with a 'message' object");
            }
            return body;
        } catch (JsonProcessingException notJson) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "the body is not JSON: " + notJson.getOriginalMessage());
        }
    }

    private static HttpFunctionResponse outcome(PubSubMessage message, String outcome, String detail) {
        ObjectNode body = JSON.createObjectNode().put("messageId", message.messageId()).put("outcome", outcome);
        if (detail != null) {
            body.put("detail", detail);
        }
        return HttpFunctionResponse.json(200, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object payload) {
        return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(payload);
    }
}
