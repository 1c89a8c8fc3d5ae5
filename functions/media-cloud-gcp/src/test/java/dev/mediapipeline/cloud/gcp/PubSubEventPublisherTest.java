package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.testkit.support.RequiredTools;

import dev.mediapipeline.testkit.support.ChildServer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import dev.mediapipeline.domain.error.TransientFailureException;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PubSubEventPublisher} against the Google Cloud CLI's Pub/Sub emulator, started as a child process on a
 * free port. Skips when the emulator is not installed, unless {@code media.requireTools=true}. The emulator's jar
 * is found at {@code media.pubsubEmulatorJar} (default: where the Google Cloud CLI's Debian package puts it).
 */
class PubSubEventPublisherTest {

    private static final String PROJECT = "media-test";
    private static final Path DEFAULT_JAR = Path.of(
            "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib/cloud-pubsub-emulator-0.8.20-all.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChildServer emulator;
    private static ManagedChannel channel;
    private static TransportChannelProvider transport;
    private static final CredentialsProvider NO_CREDENTIALS = NoCredentialsProvider.create();
    private static TopicAdminClient topics;
    private static SubscriptionAdminClient subscriptions;

    /** Why the emulator is not there, or null; each test reports it, so a skip shows up per test. */
    private static String unavailable;

    @BeforeAll
    static void startEmulator() throws Exception {
        Path jar = Path.of(System.getProperty("media.pubsubEmulatorJar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            unavailable = "the Pub/Sub emulator (Google Cloud CLI component pubsub-emulator) is not at " + jar
                    + "; install it or set -Dmedia.pubsubEmulatorJar";
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = ChildServer.freePort();
        emulator = ChildServer.start(List.of(java, "-jar", jar.toString(), "--host=127.0.0.1", "--port=" + port),
                port, Duration.ofSeconds(60));
        channel = ManagedChannelBuilder.forTarget("127.0.0.1:" + port).usePlaintext().build();
        transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(transport).setCredentialsProvider(NO_CREDENTIALS).build());
        subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport).setCredentialsProvider(NO_CREDENTIALS).build());
    }

    @BeforeEach
    void requireEmulator() {
        RequiredTools.assumeAvailable(unavailable == null, unavailable);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (topics != null) {
            topics.close();
            subscriptions.close();
        }
        if (channel != null) {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static SubscriptionName topicWithSubscription(String topic) {
        TopicName topicName = TopicName.of(PROJECT, topic);
        topics.createTopic(topicName);
        SubscriptionName subscription = SubscriptionName.of(PROJECT, topic + "-sub");
        subscriptions.createSubscription(subscription, topicName, PushConfig.getDefaultInstance(), 10);
        return subscription;
    }

    private static List<ReceivedMessage> pull(SubscriptionName subscription) {
        return subscriptions.pullCallable().call(PullRequest.newBuilder().setSubscription(subscription.toString())
                .setMaxMessages(10).build()).getReceivedMessagesList();
    }

    private static PubSubEventPublisher publisher(Map<String, String> topicIds) throws Exception {
        return PubSubEventPublisher.create(PROJECT, topicIds,
                builder -> builder.setChannelProvider(transport).setCredentialsProvider(NO_CREDENTIALS),
                Duration.ofSeconds(30));
    }

    @Test
    void eachEventGoesToTheTopicOfItsTypeWithJsonDataAndAttributes() throws Exception {
        SubscriptionName enriched = topicWithSubscription("asset-enriched");
        SubscriptionName failed = topicWithSubscription("asset-failed");

        try (PubSubEventPublisher publisher = publisher(Map.of("asset.enriched", "asset-enriched",
                "asset.failed", "asset-failed"))) {
            publisher.publish(SampleEvents.enriched());
            publisher.publish(SampleEvents.failed());
        }

        ReceivedMessage received = pull(enriched).get(0);
        assertThat(JSON.readTree(received.getMessage().getData().toByteArray()))
                .isEqualTo(JSON.readTree(EventMessages.body(SampleEvents.enriched())));
        assertThat(received.getMessage().getAttributesMap()).containsEntry("type", "asset.enriched")
                .containsEntry("assetId", SampleEvents.ASSET_ID);
        assertThat(pull(failed)).singleElement().satisfies(message ->
                assertThat(message.getMessage().getAttributesMap()).containsEntry("type", "asset.failed"));
    }

    @Test
    void aPublishedEventDecodesBackThroughAPushEnvelope() throws Exception {
        SubscriptionName subscription = topicWithSubscription("round-trip");
        try (PubSubEventPublisher publisher = publisher(Map.of("asset.enriched", "round-trip", "asset.failed", "round-trip"))) {
            publisher.publish(SampleEvents.failed());
        }
        ReceivedMessage received = pull(subscription).get(0);
        String push = JSON.writeValueAsString(Map.of(
                "message", Map.of(
                        "data", Base64.getEncoder().encodeToString(received.getMessage().getData().toByteArray()),
                        "attributes", received.getMessage().getAttributesMap(),
                        "messageId", received.getMessage().getMessageId(),
                        "publishTime", java.time.Instant.ofEpochSecond(received.getMessage().getPublishTime().getSeconds(),
                                received.getMessage().getPublishTime().getNanos()).toString()),
                "subscription", subscription.toString()));

        PubSubMessage message = new PubSubMessages().decode(push);

        assertThat(message.messageId()).isEqualTo(received.getMessage().getMessageId());
        assertThat(message.attribute("assetId")).contains(SampleEvents.ASSET_ID);
        assertThat(JSON.readTree(message.data()).get("reason").asText()).isEqualTo("type");
        assertThat(message.subscription()).isEqualTo(subscription.toString());
    }

    @Test
    void aTopicThatDoesNotExistIsATransientFailureNamingTheTopic() throws Exception {
        try (PubSubEventPublisher publisher = publisher(Map.of("asset.enriched", "no-such-topic",
                "asset.failed", "no-such-topic"))) {
            assertThatThrownBy(() -> publisher.publish(SampleEvents.enriched()))
                    .isInstanceOf(TransientFailureException.class)
                    .hasMessageContaining("projects/media-test/topics/no-such-topic")
                    .hasMessageContaining(SampleEvents.ASSET_ID);
        }
    }

    @Test
    void everyEventTypeNeedsATopicAtStartUp() {
        assertThatThrownBy(() -> publisher(Map.of("asset.enriched", "asset-enriched")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset.failed");
    }
}
