package dev.mediapipeline.fn.pollusage.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.UsageAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAlertSinkTest {

    @RegisterExtension
    static final WireMockExtension chat = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String HOOK = "/services/T000/B000/secret-token";
    private static final UsageAlert WARN = new UsageAlert("cloudinary", "storage", AlertLevel.WARN, "bytes",
            8.1e9, 1e10, 0.81, Instant.parse("2026-04-01T08:15:00Z"),
            "[WARN] cloudinary storage is at 81.0% of its limit (7.54 GiB of 9.31 GiB)");

    private WebhookAlertSink sink(Duration timeout) {
        return new WebhookAlertSink(URI.create(chat.baseUrl() + HOOK), timeout, new ObjectMapper());
    }

    @Test
    void anAlertIsPostedAsJsonWithTheFiguresAndTheTextLineAsIs() {
        chat.stubFor(post(urlEqualTo(HOOK)).willReturn(ok("ok")));

        sink(Duration.ofSeconds(2)).send(WARN);

        chat.verify(1, postRequestedFor(urlEqualTo(HOOK))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": "[WARN] cloudinary storage is at 81.0% of its limit (7.54 GiB of 9.31 GiB)",
                         "provider": "cloudinary", "resource": "storage", "level": "warn", "unit": "bytes",
                         "usage": 8.1E9, "limit": 1.0E10, "ratio": 0.81, "at": "2026-04-01T08:15:00Z"}""")));
    }

    @Test
    void aRefusalIsATransientFailureThatSaysTheStatus_withoutTheSecretUrl() {
        chat.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(500).withBody("invalid_payload")));

        assertThatThrownBy(() -> sink(Duration.ofSeconds(2)).send(WARN))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("invalid_payload")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void aWebhookSlowerThanTheTimeoutIsATransientFailure() {
        chat.stubFor(post(urlEqualTo(HOOK)).willReturn(ok().withFixedDelay(1500)));

        assertThatThrownBy(() -> sink(Duration.ofMillis(200)).send(WARN))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("did not answer within 200 ms");
    }
}
