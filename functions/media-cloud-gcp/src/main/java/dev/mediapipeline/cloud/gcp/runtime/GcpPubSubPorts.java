package dev.mediapipeline.cloud.gcp.runtime;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import dev.mediapipeline.cloud.gcp.PubSubNotificationQueue;
import dev.mediapipeline.cloud.gcp.PubSubPipelineEvents;
import dev.mediapipeline.cloud.gcp.PubSubRestTopic;
import dev.mediapipeline.cloud.gcp.PubSubTextEvents;
import dev.mediapipeline.cloud.gcp.PubSubTopic;
import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.port.TextEvents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Pub/Sub side of a GCP deployable: pipeline and text events on the events topic, verified notifications on the
 * webhook topic, published through Pub/Sub's REST API ({@link PubSubRestTopic}). Credentials are looked up on the
 * first message, not at start. Each publisher exists only when its topic is configured, so a deployable needs only the
 * topic it publishes to ({@code MEDIA_GCP_EVENTS_TOPIC} or {@code MEDIA_GCP_WEBHOOK_TOPIC}); all share one HTTP client
 * and one set of credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GcpProperties.class)
public class GcpPubSubPorts {

    static final String PUBSUB_ENDPOINT = "https://pubsub.googleapis.com";
    private static final String PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";

    /** What every topic publishes through: one HTTP client (its connection pool) and one credentials lookup. */
    record PubSubConnection(HttpClient http, String endpoint, Supplier<Credentials> credentials) {
    }

    @Bean
    PubSubConnection pubSubConnection(GcpProperties gcp) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (GcpProperties.isSet(gcp.pubsubEmulatorHost())) {
            // The emulator speaks plain HTTP and checks no credentials.
            return new PubSubConnection(http, "http://" + gcp.pubsubEmulatorHost(), () -> null);
        }
        return new PubSubConnection(http, PUBSUB_ENDPOINT, applicationDefault());
    }

    @Bean
    @ConditionalOnProperty("media.gcp.events-topic")
    EventPublisher eventPublisher(GcpProperties gcp, PubSubConnection pubSub) {
        return new PubSubPipelineEvents(topic(gcp, pubSub, gcp.eventsTopic()));
    }

    @Bean
    @ConditionalOnProperty("media.gcp.events-topic")
    TextEvents textEvents(GcpProperties gcp, PubSubConnection pubSub) {
        return new PubSubTextEvents(topic(gcp, pubSub, gcp.eventsTopic()));
    }

    @Bean
    @ConditionalOnProperty("media.gcp.webhook-topic")
    NotificationQueue notificationQueue(GcpProperties gcp, PubSubConnection pubSub) {
        return new PubSubNotificationQueue(topic(gcp, pubSub, gcp.webhookTopic()));
    }

    private static PubSubTopic topic(GcpProperties gcp, PubSubConnection pubSub, String topicId) {
        String project = GcpProperties.required(gcp.project(), "GOOGLE_CLOUD_PROJECT");
        return new PubSubRestTopic(pubSub.http(), pubSub.endpoint(), project, topicId, pubSub.credentials(),
                gcp.acknowledgeWithin());
    }

    /** The runtime's credentials, found once, on first use; they refresh their own tokens. */
    private static Supplier<Credentials> applicationDefault() {
        return new Supplier<>() {
            private Credentials credentials;

            @Override
            public synchronized Credentials get() {
                if (credentials == null) {
                    try {
                        credentials = GoogleCredentials.getApplicationDefault().createScoped(List.of(PUBSUB_SCOPE));
                    } catch (IOException e) {
                        throw new UncheckedIOException("no Google credentials to publish to Pub/Sub with: run on "
                                + "Cloud Functions or set GOOGLE_APPLICATION_CREDENTIALS", e);
                    }
                }
                return credentials;
            }
        };
    }
}
