package dev.mediapipeline.fn.verifywebhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.upload.ContentTypes;
import dev.mediapipeline.domain.webhook.IncomingNotification;
import dev.mediapipeline.domain.webhook.NotificationRejectedException;
import dev.mediapipeline.domain.webhook.ReceiveNotificationService;
import dev.mediapipeline.domain.webhook.UnusableReason;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * verify-webhook (HTTP). Refuses what is not a Cloudinary notification (405, 415, 413, 401 with a {@code reason}),
 * then answers 200 only once the notification is on the webhook queue, or recorded when its body is not JSON;
 * when the queue cannot take it, 503 asks Cloudinary to send it again.
 *
 * <p>The platform edge hands over at most {@code maxBodyBytes + 1} bytes, so a larger body shows up here as one
 * byte too long and is refused without the rest ever being read.
 */
public final class VerifyWebhookFunction implements Function<HttpFunctionRequest, HttpFunctionResponse> {

    public static final String TIMESTAMP_HEADER = "X-Cld-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Cld-Signature";

    private static final Logger log = LoggerFactory.getLogger(VerifyWebhookFunction.class);

    /** Strict on purpose: a body Jackson would half-accept (trailing data, repeated keys) is not applied. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ReceiveNotificationService service;
    private final ObjectMapper json;
    private final Problems problems;
    private final long maxBodyBytes;
    private final Duration retryAfter;
    private final VerifyWebhookMetrics metrics;

    public VerifyWebhookFunction(ReceiveNotificationService service, ObjectMapper json, long maxBodyBytes,
                                 Duration retryAfter, VerifyWebhookMetrics metrics) {
        this.service = service;
        this.json = json;
        this.problems = new Problems(json);
        this.maxBodyBytes = maxBodyBytes;
        this.retryAfter = retryAfter;
        this.metrics = metrics;
    }

    @Override
    public HttpFunctionResponse apply(HttpFunctionRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return refused("method-not-allowed", problems.problem(405, "method-not-allowed", "Method not allowed",
                    "verify-webhook accepts POST only", null, Map.of("Allow", "POST")));
        }
        if (!ContentTypes.normalise(request.header("Content-Type")).equals("application/json")) {
            return refused("unsupported-media-type", problems.problem(415, "unsupported-media-type",
                    "Unsupported media type", "a Cloudinary notification is sent as 'Content-Type: application/json'"));
        }
        if (request.body().length > maxBodyBytes) {
            return refused("body-too-large", problems.problem(413, "request-too-large", "Request too large",
                    "a notification is at most " + maxBodyBytes + " bytes"));
        }
        Decoded decoded = decode(request.body());
        IncomingNotification incoming = new IncomingNotification(request.body(), request.header(TIMESTAMP_HEADER),
                request.header(SIGNATURE_HEADER), decoded.defect());
        ReceiveNotificationService.Receipt receipt;
        try {
            receipt = service.receive(incoming);
        } catch (NotificationRejectedException e) {
            String reason = e.reason().code();
            metrics.rejected(reason);
            log.atWarn().addKeyValue("reason", reason).addKeyValue("bytes", request.body().length)
                    .addKeyValue("publicId", decoded.publicId())
                    .log("notification refused: {}", e.getMessage());
            return problems.problem(401, "invalid-signature", "Notification signature not accepted", e.getMessage(),
                    body -> body.put("reason", reason), null);
        } catch (TransientFailureException e) {
            metrics.verified();
            metrics.failed(VerifyWebhookMetrics.NOT_STORED);
            log.atError().addKeyValue("publicId", decoded.publicId()).addKeyValue("notificationType", decoded.type())
                    .log("genuine notification could not be stored; answering 503 so Cloudinary sends it again: {}",
                            e.getMessage());
            return problems.problem(503, "queue-unavailable", "Try again later",
                    "the notification was not stored; send it again", null,
                    Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
        }
        metrics.verified();
        ObjectNode body = json.createObjectNode().put("identity", receipt.identity());
        if (receipt.outcome() == ReceiveNotificationService.Outcome.QUEUED) {
            body.put("status", "queued");
            log.atInfo().addKeyValue("identity", receipt.identity()).addKeyValue("publicId", decoded.publicId())
                    .addKeyValue("notificationType", decoded.type()).log("notification verified and queued");
        } else {
            body.put("status", "recorded").put("reason", UnusableReason.INVALID_JSON.code());
            metrics.failed(UnusableReason.INVALID_JSON.code());
        }
        try {
            return HttpFunctionResponse.json(200, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the verify-webhook answer", e);
        }
    }

    private HttpFunctionResponse refused(String reason, HttpFunctionResponse problem) {
        metrics.rejected(reason);
        log.atInfo().addKeyValue("reason", reason).addKeyValue("status", problem.status()).log("notification refused");
        return problem;
    }

    /** What the edge could read from the body: a defect when it is not one JSON object, else fields for the logs. */
    private record Decoded(String defect, String type, String publicId) {
    }

    private static Decoded decode(byte[] body) {
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return new Decoded("not JSON: " + e.getOriginalMessage() + where, null, null);
        } catch (IOException e) {
            return new Decoded("not JSON: " + e.getMessage(), null, null);
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded("not a JSON object", null, null);
        }
        return new Decoded(null, tree.path("notification_type").asText(null), tree.path("public_id").asText(null));
    }
}
