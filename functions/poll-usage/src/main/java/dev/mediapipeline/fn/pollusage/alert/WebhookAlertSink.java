package dev.mediapipeline.fn.pollusage.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.usage.UsageAlert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts each alert as JSON to a webhook (a Slack incoming webhook, Mattermost, Teams workflows, any HTTP endpoint).
 *
 * <p>The body carries the figures for machines and a {@code text} line that Slack and similar tools show as is:
 * <pre>{@code
 * {"text":"[WARN] cloudinary storage is at 81.0% of its limit (8.10 GiB of 10.00 GiB)",
 *  "provider":"cloudinary","resource":"storage","level":"warn","unit":"bytes",
 *  "usage":8.69e9,"limit":1.07e10,"ratio":0.81,"at":"2026-04-01T08:00:00Z"}
 * }</pre>
 * Any answer but 2xx, a timeout or a connection failure is a {@link TransientFailureException}: the caller keeps
 * the alert pending and sends it again at its next poll. The URL is never logged (a Slack webhook URL is a secret).
 */
public final class WebhookAlertSink implements AlertSink {

    private final URI url;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public WebhookAlertSink(URI url, Duration timeout, ObjectMapper json) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.json = Objects.requireNonNull(json, "json");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(UsageAlert alert) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(alert)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TransientFailureException("the alert webhook did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new TransientFailureException("the alert webhook could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while sending an alert", e);
        }
        if (response.statusCode() / 100 != 2) {
            String said = response.body() == null ? "" : response.body().substring(0, Math.min(200, response.body().length()));
            throw new TransientFailureException("the alert webhook answered HTTP " + response.statusCode()
                    + (said.isBlank() ? "" : ": " + said.strip()));
        }
    }

    byte[] body(UsageAlert alert) {
        ObjectNode body = json.createObjectNode();
        body.put("text", alert.text());
        body.put("provider", alert.provider());
        body.put("resource", alert.resource());
        body.put("level", alert.level().code());
        body.put("unit", alert.unit());
        body.put("usage", alert.usage());
        body.put("limit", alert.limit());
        body.put("ratio", alert.ratio());
        body.put("at", alert.at().toString());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert could not be written as JSON", e);
        }
    }
}
