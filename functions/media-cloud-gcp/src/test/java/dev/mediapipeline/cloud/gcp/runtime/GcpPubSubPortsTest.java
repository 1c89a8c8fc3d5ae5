package dev.mediapipeline.cloud.gcp.runtime;

import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.port.TextEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Each publisher needs only its own topic, eagerly created, and all of them share one Pub/Sub connection. */
class GcpPubSubPortsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(GcpPubSubPorts.class)
            .withPropertyValues("media.gcp.project=media-test", "media.gcp.pubsub-emulator-host=localhost:8085");

    @Test
    void aDeployableThatPublishesNotificationsOnlyNeedsTheWebhookTopic() {
        context.withPropertyValues("media.gcp.webhook-topic=media-webhook").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(NotificationQueue.class)
                    .doesNotHaveBean(EventPublisher.class).doesNotHaveBean(TextEvents.class);
        });
    }

    @Test
    void aDeployableThatPublishesEventsOnlyNeedsTheEventsTopic() {
        context.withPropertyValues("media.gcp.events-topic=media-events").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(EventPublisher.class).hasSingleBean(TextEvents.class)
                    .doesNotHaveBean(NotificationQueue.class);
        });
    }

    @Test
    void everyTopicPublishesThroughOneConnection() {
        context.withPropertyValues("media.gcp.events-topic=media-events", "media.gcp.webhook-topic=media-webhook")
                .run(started -> {
                    assertThat(started).hasSingleBean(GcpPubSubPorts.PubSubConnection.class)
                            .hasSingleBean(EventPublisher.class).hasSingleBean(NotificationQueue.class);
                    assertThat(started.getBean(GcpPubSubPorts.PubSubConnection.class).endpoint())
                            .isEqualTo("http://localhost:8085");
                });
    }
}
