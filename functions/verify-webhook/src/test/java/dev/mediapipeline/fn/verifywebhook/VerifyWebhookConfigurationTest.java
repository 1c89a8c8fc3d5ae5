package dev.mediapipeline.fn.verifywebhook;

import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyWebhookConfigurationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final List<ReceivedNotification> queued = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                    VerifyWebhookConfiguration.class))
            .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

    private ApplicationContextRunner withPorts() {
        return runner.withBean(NotificationQueue.class, () -> queued::add)
                .withBean(NotificationLog.class, StoredNotifications::new);
    }

    /** Stands in for the process environment: the binder reads this source with the rules it applies to real env vars. */
    private static ApplicationContextRunner environment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    private static HttpFunctionRequest signed(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());
        return new HttpFunctionRequest("POST", "/verify-webhook", Map.of("Content-Type", "application/json",
                "X-Cld-Timestamp", timestamp, "X-Cld-Signature",
                CloudinarySignatures.sign(bytes, timestamp, secret, "SHA-256")), bytes);
    }

    @Test
    void theRunbookVariablesConfigureTheFunctionBeanNamedVerifyWebhook() {
        environment(withPorts(), Map.of("CLOUDINARY_URL", "cloudinary://key:api-secret@demo",
                "CLOUDINARY_WEBHOOK_SIGNING_SECRET", "old-secret,new-secret")).run(context -> {
            assertThat(context).hasNotFailed().hasBean("verifyWebhook");
            CloudinaryCredentials credentials = context.getBean(CloudinaryCredentials.class);
            assertThat(credentials.cloudName()).isEqualTo("demo");
            assertThat(credentials.signingSecrets()).containsExactly("old-secret", "new-secret");

            VerifyWebhookFunction function = context.getBean("verifyWebhook", VerifyWebhookFunction.class);
            assertThat(function.apply(signed("{\"notification_type\":\"upload\"}", "new-secret")).status()).isEqualTo(200);
            assertThat(function.apply(signed("{\"notification_type\":\"upload\"}", "api-secret")).status()).isEqualTo(401);
            assertThat(queued).hasSize(1);
        });
    }

    @Test
    void theSeparateVariablesBindToo_andTheApiSecretSignsWhenThereIsNoDedicatedOne() {
        environment(withPorts(), Map.of("CLOUDINARY_CLOUD_NAME", "demo", "CLOUDINARY_API_KEY", "key",
                "CLOUDINARY_API_SECRET", "api-secret")).run(context -> {
            CloudinaryCredentials credentials = context.getBean(CloudinaryCredentials.class);
            assertThat(credentials.cloudName()).isEqualTo("demo");
            assertThat(credentials.apiKey()).isEqualTo("key");
            assertThat(credentials.signingSecrets()).containsExactly("api-secret");
        });
    }

    @Test
    void theDefaultsAreSha256FiveMinutesAndOneMegabyte_andEachIsASetting() {
        environment(withPorts(), Map.of("CLOUDINARY_API_SECRET", "s")).run(context -> {
            VerifyWebhookProperties defaults = context.getBean(VerifyWebhookProperties.class);
            assertThat(defaults.signatureAlgorithm()).isEqualTo("sha256");
            assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(defaults.maxBody().toBytes()).isEqualTo(1024 * 1024);
        });
        environment(withPorts(), Map.of("CLOUDINARY_API_SECRET", "s", "MEDIA_WEBHOOK_SIGNATURE_ALGORITHM", "sha1",
                "MEDIA_WEBHOOK_WINDOW", "10m", "MEDIA_WEBHOOK_MAX_BODY", "2MB")).run(context -> {
            VerifyWebhookProperties set = context.getBean(VerifyWebhookProperties.class);
            assertThat(set.signatureAlgorithm()).isEqualTo("sha1");
            assertThat(set.window()).isEqualTo(Duration.ofMinutes(10));
            assertThat(set.maxBody().toBytes()).isEqualTo(2 * 1024 * 1024);
        });
    }

    @Test
    void withoutAnySecretTheStartFailsWithAMessageThatNamesTheVariables() {
        environment(withPorts(), Map.of()).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("CLOUDINARY_WEBHOOK_SIGNING_SECRET"));
    }

    @Test
    void withoutTheQueueAndTheLogTheFunctionIsNotWired() {
        environment(runner, Map.of("CLOUDINARY_API_SECRET", "s"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("verifyWebhook"));
    }

    @Test
    void aMeterRegistryOfTheHostIsUsed_andASimpleOneIsMadeOnlyWhenThereIsNone() {
        SimpleMeterRegistry host = new SimpleMeterRegistry();
        environment(withPorts(), Map.of("CLOUDINARY_API_SECRET", "s"))
                .withBean(MeterRegistry.class, () -> host)
                .run(context -> {
                    assertThat(context).getBeans(MeterRegistry.class).hasSize(1);
                    context.getBean(VerifyWebhookFunction.class).apply(signed("{}", "s"));
                    assertThat(host.counter(VerifyWebhookMetrics.VERIFIED).count()).isEqualTo(1.0);
                });
        environment(withPorts(), Map.of("CLOUDINARY_API_SECRET", "s"))
                .run(context -> assertThat(context).getBean(MeterRegistry.class).isInstanceOf(SimpleMeterRegistry.class));
    }
}
