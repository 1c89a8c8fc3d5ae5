package dev.mediapipeline.fn.pollusage;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mediapipeline.cloudinary.CloudinaryUsageClient;
import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.port.AlertStateStore;
import dev.mediapipeline.domain.port.ProviderUsage;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.fn.pollusage.alert.LoggingAlertSink;
import dev.mediapipeline.fn.pollusage.alert.WebhookAlertSink;
import dev.mediapipeline.store.postgres.JdbcAlertStateStore;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class PollUsageConfigurationTest {

    @RegisterExtension
    static final WireMockExtension cloudinary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** What a runtime (the local runner, a cloud deployable) provides. */
    @Configuration(proxyBeanMethods = false)
    static class Runtime {

        private final DataSource db = TestDatabase.fresh().dataSource();

        @Bean
        StorageUsage storageUsage() {
            return () -> List.of(new FolderUsage("originals/avatars", 10, 1));
        }

        @Bean
        UsageHistory usageHistory() {
            return new JdbcUsageHistory(db);
        }

        @Bean
        AlertStateStore alertStateStore() {
            return new JdbcAlertStateStore(db);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                    CloudinaryUsageConfiguration.class, PollUsageConfiguration.class));

    /** Variables as the platform sets them, bound through Spring's relaxed binding like the real environment. */
    private static ApplicationContextRunner withEnvironment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables)));
    }

    private static void stubUsage() {
        cloudinary.stubFor(get(urlEqualTo("/v1_1/env-cloud/usage"))
                .willReturn(okJson("{\"storage\":{\"usage\":100,\"limit\":1000}}")));
    }

    @Test
    void withoutCloudinaryTheFunctionIsWiredAndReportsProviderUsageOff() {
        runner.withUserConfiguration(Runtime.class).run(context -> {
            assertThat(context).hasNotFailed().hasBean("pollUsage").doesNotHaveBean(ProviderUsage.class)
                    .doesNotHaveBean(dev.mediapipeline.domain.port.MediaProvider.class);
            assertThat(context.getBean(AlertSink.class)).isInstanceOf(LoggingAlertSink.class);

            UsageReportView report = context.getBean("pollUsage", PollUsageFunction.class).apply(new ScheduledTick("t"));

            assertThat(report.provider().status()).isEqualTo("off");
            assertThat(report.storage().folders()).extracting(UsageReportView.Folder::folder)
                    .containsExactly("originals/avatars");
        });
    }

    @Test
    void cloudinaryUrlFromTheEnvironmentTurnsProviderUsageOn() {
        stubUsage();
        withEnvironment(runner, Map.of("CLOUDINARY_URL", "cloudinary://env-key:env-secret@env-cloud",
                "MEDIA_CLOUDINARY_API_BASE_URL", cloudinary.baseUrl()))
                .withUserConfiguration(Runtime.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CloudinaryUsageClient.class)
                            .hasSingleBean(dev.mediapipeline.domain.port.MediaProvider.class);

                    UsageReportView report = context.getBean(PollUsageFunction.class).apply(new ScheduledTick("t"));

                    assertThat(report.provider().status()).isEqualTo("ok");
                    assertThat(report.resources()).extracting(UsageReportView.Resource::ratio).containsExactly(0.1);
                    cloudinary.verify(getRequestedFor(urlEqualTo("/v1_1/env-cloud/usage"))
                            .withBasicAuth(new BasicCredentials("env-key", "env-secret")));
                });
    }

    @Test
    void theThreeSeparateVariablesWorkToo() {
        stubUsage();
        withEnvironment(runner, Map.of("CLOUDINARY_CLOUD_NAME", "env-cloud", "CLOUDINARY_API_KEY", "k2",
                "CLOUDINARY_API_SECRET", "s2", "MEDIA_CLOUDINARY_API_BASE_URL", cloudinary.baseUrl()))
                .withUserConfiguration(Runtime.class)
                .run(context -> {
                    assertThat(context.getBean(PollUsageFunction.class).apply(null).provider().status()).isEqualTo("ok");
                    cloudinary.verify(getRequestedFor(urlEqualTo("/v1_1/env-cloud/usage"))
                            .withBasicAuth(new BasicCredentials("k2", "s2")));
                });
    }

    @Test
    void aHalfConfiguredAccountFailsTheStartWithWhatToSet_withoutTheSecret() {
        withEnvironment(runner, Map.of("CLOUDINARY_CLOUD_NAME", "env-cloud", "CLOUDINARY_API_SECRET", "top-secret"))
                .withUserConfiguration(Runtime.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("API key");
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("CLOUDINARY_API_KEY");
                    assertThat(messagesOf(context.getStartupFailure())).isNotEmpty()
                            .noneMatch(message -> message.contains("top-secret"));
                });
    }

    @Test
    void aMalformedCloudinaryUrlFailsTheStartSayingWhichPart_withNoPartOfTheUrlInAnyMessage() {
        withEnvironment(runner, Map.of("CLOUDINARY_URL", " cloudinary://env-key:top secret@env-cloud "))
                .withUserConfiguration(Runtime.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("API secret");
                    assertThat(messagesOf(context.getStartupFailure())).isNotEmpty()
                            .noneMatch(message -> message.contains("top secret") || message.contains("env-key")
                                    || message.contains("env-cloud"));
                });
    }

    @Test
    void aWebhookUrlSendsAlertsToTheWebhook() {
        runner.withUserConfiguration(Runtime.class)
                .withPropertyValues("media.usage.alert.webhook-url=http://127.0.0.1:9/hook")
                .run(context -> assertThat(context.getBean(AlertSink.class)).isInstanceOf(WebhookAlertSink.class));
    }

    @Test
    void aMeterRegistryGetsTheGauges() {
        runner.withUserConfiguration(Runtime.class, Meters.class).run(context -> {
            context.getBean(PollUsageFunction.class).apply(null);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("media.storage.bytes").tag("folder", "originals/avatars").gauge().value())
                    .isEqualTo(10);
        });
    }

    @Test
    void withoutTheRuntimesPortsNothingIsWired() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("pollUsage"));
    }

    @Test
    void inconsistentThresholdsFailTheStart() {
        runner.withUserConfiguration(Runtime.class)
                .withPropertyValues("media.usage.warn-at=0.9", "media.usage.error-at=0.8")
                .run(context -> assertThat(context).hasFailed());
    }

    private static List<String> messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
