package dev.mediapipeline.cloud.gcp.replay;

import dev.mediapipeline.testkit.support.ChildServer;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Google Cloud CLI's Pub/Sub emulator as a child process on a free port (jar at {@code media.pubsubEmulatorJar},
 * default where the CLI's Debian package puts it), with admin clients and helpers that build a source topic whose
 * subscription dead-letters to a dead-letter topic, and put letters there.
 */
final class PubSubEmulator implements AutoCloseable {

    static final String PROJECT = "media-test";
    static final int MAX_DELIVERY_ATTEMPTS = 5;
    private static final Path DEFAULT_JAR = Path.of(
            "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib/cloud-pubsub-emulator-0.8.20-all.jar");
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ChildServer server;
    private final ManagedChannel channel;
    final String host;
    final TopicAdminClient topics;
    final SubscriptionAdminClient subscriptions;

    private PubSubEmulator(ChildServer server, String host) throws Exception {
        this.server = server;
        this.host = host;
        channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
        TransportChannelProvider transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        topics = TopicAdminClient.create(TopicAdminSettings.newBuilder().setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create()).build());
        subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport).setCredentialsProvider(NoCredentialsProvider.create()).build());
    }

    /** Why the emulator cannot run here, or null. */
    static String unavailableReason() {
        Path jar = jar();
        return Files.isRegularFile(jar) ? null : "the Pub/Sub emulator (Google Cloud CLI component pubsub-emulator) is not at "
                + jar + "; install it or set -Dmedia.pubsubEmulatorJar";
    }

    private static Path jar() {
        return Path.of(System.getProperty("media.pubsubEmulatorJar", DEFAULT_JAR.toString()));
    }

    static PubSubEmulator start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = ChildServer.freePort();
        ChildServer server = ChildServer.start(List.of(java, "-jar", jar().toString(), "--host=127.0.0.1",
                "--port=" + port), port, Duration.ofSeconds(60));
        return new PubSubEmulator(server, "127.0.0.1:" + port);
    }

    /** A source topic, its subscription dead-lettering to a dead-letter topic, and that topic's subscription. */
    record Names(String sourceTopic, String sourceSubscription, String deadLetterTopic, String deadLetterSubscription) {
    }

    Names names() {
        String name = "assets-" + NAMES.incrementAndGet();
        Names names = new Names(TopicName.of(PROJECT, name).toString(),
                SubscriptionName.of(PROJECT, name + "-sub").toString(),
                TopicName.of(PROJECT, name + "-dead-letter").toString(),
                SubscriptionName.of(PROJECT, name + "-dead-letter-sub").toString());
        topics.createTopic(names.sourceTopic());
        topics.createTopic(names.deadLetterTopic());
        subscriptions.createSubscription(Subscription.newBuilder().setName(names.deadLetterSubscription())
                .setTopic(names.deadLetterTopic()).setAckDeadlineSeconds(10).build());
        subscriptions.createSubscription(Subscription.newBuilder().setName(names.sourceSubscription())
                .setTopic(names.sourceTopic()).setAckDeadlineSeconds(10)
                .setDeadLetterPolicy(DeadLetterPolicy.newBuilder().setDeadLetterTopic(names.deadLetterTopic())
                        .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)).build());
        return names;
    }

    /** Publishes straight to a topic, as Pub/Sub would have forwarded it; returns the message id. */
    String publish(String topic, String data, Map<String, String> attributes) {
        return publish(topic, PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(data))
                .putAllAttributes(attributes).build());
    }

    String publish(String topic, PubsubMessage message) {
        return topics.publish(topic, List.of(message)).getMessageIds(0);
    }

    /**
     * Publishes to the source topic and has its subscription refuse the message, as a failing consumer would,
     * until Pub/Sub has forwarded it to the dead-letter topic; returns the id it had on the source topic.
     */
    String failUntilDeadLettered(Names names, String data) throws InterruptedException {
        String id = publish(names.sourceTopic(), data, Map.of("type", "asset.enriched"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            // Pub/Sub forwards a message to the dead-letter topic when it is due for one delivery more than allowed,
            // so the source subscription is pulled (and each delivery refused) until the letter shows up there.
            List<ReceivedMessage> deliveries = pull(names.sourceSubscription(), Duration.ofMillis(500));
            if (!deliveries.isEmpty()) {
                subscriptions.modifyAckDeadline(names.sourceSubscription(),
                        deliveries.stream().map(ReceivedMessage::getAckId).toList(), 0);
            }
            List<ReceivedMessage> letters = pull(names.deadLetterSubscription(), Duration.ofMillis(500));
            if (!letters.isEmpty()) {
                subscriptions.modifyAckDeadline(names.deadLetterSubscription(),
                        letters.stream().map(ReceivedMessage::getAckId).toList(), 0);
            }
            if (letters.stream().anyMatch(letter -> letter.getMessage().getData().toStringUtf8().equals(data))) {
                return id;
            }
        }
        throw new IllegalStateException("the message did not reach the dead-letter topic");
    }

    /** One pull (nothing acknowledged): what arrives within the wait. */
    List<ReceivedMessage> pull(String subscription, Duration wait) {
        try {
            return subscriptions.pullCallable().call(PullRequest.newBuilder().setSubscription(subscription)
                            .setMaxMessages(1000).build(), GrpcCallContext.createDefault().withTimeoutDuration(wait))
                    .getReceivedMessagesList();
        } catch (DeadlineExceededException nothing) {
            return List.of();
        }
    }

    /** Pulls and acknowledges everything a subscription delivers until a pull brings nothing. */
    List<PubsubMessage> drain(String subscription) {
        List<PubsubMessage> all = new ArrayList<>();
        while (true) {
            List<ReceivedMessage> page = pull(subscription, Duration.ofSeconds(2));
            if (page.isEmpty()) {
                return all;
            }
            subscriptions.acknowledge(subscription, page.stream().map(ReceivedMessage::getAckId).toList());
            page.forEach(message -> all.add(message.getMessage()));
        }
    }

    @Override
    public void close() throws Exception {
        topics.close();
        subscriptions.close();
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }
}
