package dev.mediapipeline.fn.verifywebhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.NotificationSignatureVerifier;
import dev.mediapipeline.domain.webhook.ReceiveNotificationService;
import dev.mediapipeline.domain.webhook.SignatureAlgorithm;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Wires verify-webhook as the bean {@code verifyWebhook} (the name Spring Cloud Function routes to) when the runtime
 * provides the webhook queue and the notification log. Runs after Actuator's registries so that the default
 * {@link SimpleMeterRegistry} is only made when the host has none.
 */
@AutoConfiguration(after = MediaDomainConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({NotificationQueue.class, NotificationLog.class})
@EnableConfigurationProperties({CloudinaryProperties.class, VerifyWebhookProperties.class})
public class VerifyWebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VerifyWebhookConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MeterRegistry webhookMeterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    CloudinaryCredentials cloudinaryCredentials(CloudinaryProperties properties) {
        return CloudinaryCredentials.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationSignatureVerifier notificationSignatureVerifier(CloudinaryCredentials credentials,
                                                                VerifyWebhookProperties properties, Clock clock) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.parse(properties.signatureAlgorithm());
        log.atInfo().addKeyValue("algorithm", algorithm).addKeyValue("window", properties.window())
                .addKeyValue("acceptedSecrets", credentials.signingSecrets().size())
                .log("verifying Cloudinary notifications");
        return new NotificationSignatureVerifier(credentials.signingSecrets(), algorithm, properties.window(), clock);
    }

    @Bean
    ReceiveNotificationService receiveNotificationService(NotificationSignatureVerifier verifier, NotificationQueue queue,
                                                          NotificationLog notificationLog, Clock clock) {
        return new ReceiveNotificationService(verifier, queue, notificationLog, clock);
    }

    @Bean
    VerifyWebhookMetrics verifyWebhookMetrics(MeterRegistry registry) {
        return new VerifyWebhookMetrics(registry);
    }

    @Bean
    VerifyWebhookFunction verifyWebhook(ReceiveNotificationService service, ObjectProvider<ObjectMapper> json,
                                        VerifyWebhookProperties properties, VerifyWebhookMetrics metrics) {
        // Hosts without Spring MVC or Spring Cloud Function may have no ObjectMapper bean; answers need only defaults.
        return new VerifyWebhookFunction(service, json.getIfAvailable(ObjectMapper::new), properties.maxBody().toBytes(),
                properties.retryAfter(), metrics);
    }
}
