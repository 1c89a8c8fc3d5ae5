package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.NotificationDecoder;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.webhook.ApplyNotificationService;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.WorkerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires apply-webhook-event as the bean {@code applyWebhookEvent} when the runtime provides the catalog, the
 * provider copies and the notification log. Runs after Actuator's registries so that the default
 * {@link SimpleMeterRegistry} is only made when the host has none.
 */
@AutoConfiguration(after = MediaDomainConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({AssetCatalog.class, ProviderCopies.class, NotificationLog.class})
@EnableConfigurationProperties(ApplyWebhookProperties.class)
public class ApplyWebhookEventConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MeterRegistry applyWebhookMeterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationDecoder notificationDecoder() {
        return new JacksonNotificationDecoder();
    }

    @Bean
    ApplyNotificationService applyNotificationService(NotificationDecoder decoder, AssetCatalog catalog,
                                                      ProviderCopies copies, NotificationLog notificationLog,
                                                      WorkerIdentity worker, ApplyWebhookProperties properties) {
        return new ApplyNotificationService(decoder, catalog, copies, notificationLog, worker.name(), properties.claim());
    }

    @Bean
    ApplyWebhookMetrics applyWebhookMetrics(MeterRegistry registry) {
        return new ApplyWebhookMetrics(registry);
    }

    @Bean
    ApplyWebhookEventFunction applyWebhookEvent(ApplyNotificationService service, ApplyWebhookMetrics metrics) {
        return new ApplyWebhookEventFunction(service, metrics);
    }
}
