package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.Credentials;
import dev.mediapipeline.domain.error.TransientFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Pub/Sub topic through the REST API ({@code POST v1/projects/P/topics/T:publish}) on the JDK's HTTP client. A
 * function publishes a handful of messages per invocation, so it does not need the gRPC client's batching; leaving
 * gRPC out keeps the deployables small and their cold starts short. Credentials are asked for on first use (on
 * Cloud Functions: the runtime's service account, which needs {@code roles/pubsub.publisher} on the topic); with
 * none (an emulator) no Authorization header is sent. An answer of 429 or 5xx, or no answer, is tried again up to
 * {@value #ATTEMPTS} times in all within the acknowledgement timeout.
 */
public final class PubSubRestTopic implements PubSubTopic {

    private static final Logger log = LoggerFactory.getLogger(PubSubRestTopic.class);
    static final int ATTEMPTS = 3;
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

    private final HttpClient http;
    private final URI publishUri;
    private final String topic;
    private final Supplier<Credentials> credentials;
    private final Duration acknowledgeWithin;

    /**
     * @param endpoint    {@code https://pubsub.googleapis.com}, or an emulator's {@code http://host:port}
     * @param credentials null-returning for an emulator
     */
    public PubSubRestTopic(HttpClient http, String endpoint, String project, String topicId,
                           Supplier<Credentials> credentials, Duration acknowledgeWithin) {
        this.http = http;
        this.topic = "projects/" + project + "/topics/" + topicId;
        this.publishUri = URI.create(endpoint.replaceAll("/+$", "") + "/v1/" + topic + ":publish");
        this.credentials = credentials;
        this.acknowledgeWithin = acknowledgeWithin;
    }

    @Override
    public String send(byte[] data, Map<String, String> attributes, String what) {
        byte[] body = requestBody(data, attributes);
        long deadline = System.nanoTime() + acknowledgeWithin.toNanos();
        String lastProblem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                HttpResponse<byte[]> answer = http.send(request(body, Duration.ofNanos(left)),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200) {
                    return messageId(answer.body(), what);
                }
                lastProblem = "HTTP " + answer.statusCode() + ": " + new String(answer.body(), StandardCharsets.UTF_8).strip();
                if (!RETRYABLE.contains(answer.statusCode())) {
                    break;
                }
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailureException("interrupted while publishing " + what + " to " + topic, e);
            }
            log.atWarn().addKeyValue("topic", topic).addKeyValue("attempt", attempt).addKeyValue("problem", lastProblem)
                    .log("Pub/Sub did not accept the message; trying again");
            sleepBeforeRetry(attempt);
        }
        throw new TransientFailureException("could not publish " + what + " to " + topic + ": " + lastProblem
                + " (the publishing service account needs roles/pubsub.publisher on the topic)");
    }

    private HttpRequest request(byte[] body, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(publishUri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Credentials signer = credentials.get();
        if (signer != null) {
            for (Map.Entry<String, List<String>> header : signer.getRequestMetadata(publishUri).entrySet()) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    private static byte[] requestBody(byte[] data, Map<String, String> attributes) {
        ObjectNode message = Json.MAPPER.createObjectNode().put("data", Base64.getEncoder().encodeToString(data));
        ObjectNode attributeNode = message.putObject("attributes");
        attributes.forEach(attributeNode::put);
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.putArray("messages").add(message);
        try {
            return Json.MAPPER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a Pub/Sub publish request", e);
        }
    }

    private String messageId(byte[] answer, String what) {
        try {
            JsonNode ids = Json.MAPPER.readTree(answer).path("messageIds");
            if (ids.isArray() && ids.size() == 1) {
                return ids.get(0).asText();
            }
        } catch (IOException unreadable) {
            // reported below
        }
        throw new TransientFailureException("Pub/Sub accepted " + what + " for " + topic
                + " but answered without its message id: " + new String(answer, StandardCharsets.UTF_8));
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
