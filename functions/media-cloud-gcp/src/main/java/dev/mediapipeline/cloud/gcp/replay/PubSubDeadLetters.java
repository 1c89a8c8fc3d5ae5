package dev.mediapipeline.cloud.gcp.replay;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists, shows and replays the messages of one Pub/Sub dead-letter subscription (the subscription on a
 * dead-letter topic), with synchronous pull.
 *
 * <p><b>Looking without taking.</b> Every message pulled is <em>held</em>: its acknowledgement deadline is set to
 * the hold (default 60 s) so a long scan does not get the same messages redelivered half-way, and when the
 * operation ends, success or failure, every message not acknowledged is released with
 * {@code modifyAckDeadline 0} so the next pull sees it at once. If the process dies in between, the messages are
 * redelivered when the hold runs out. A pull that finds nothing within the wait (default 5 s) ends the scan.
 *
 * <p><b>Replaying</b> publishes a copy to the source topic (data, ordering key and attributes, less the
 * {@code CloudPubSubDeadLetter*} ones Pub/Sub added on the way to the dead-letter topic) and acknowledges the
 * letter only once the publish succeeded. A crash or a lost acknowledgement in between leaves the letter on the
 * dead-letter subscription, so it is delivered twice, never lost; the consumers are idempotent. Pub/Sub does not
 * record the source topic (only the source subscription), so the caller names it.
 *
 * <p>The clients must use the gRPC transport (the default). Errors from Pub/Sub propagate as gax
 * {@link ApiException}s.
 */
public final class PubSubDeadLetters {

    /** How long a message seen is kept from other subscribers while an operation goes on. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(60);
    /** How long one pull waits for messages before the subscription is taken as drained. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    /** The most letters one operation looks at. */
    public static final int DEFAULT_LIMIT = 10_000;

    /** The attributes Pub/Sub adds when it dead-letters a message; all start with this. */
    static final String DEAD_LETTER_ATTRIBUTE_PREFIX = "CloudPubSubDeadLetter";
    private static final String DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";
    private static final String SOURCE_SUBSCRIPTION = "CloudPubSubDeadLetterSourceSubscription";
    private static final String SOURCE_PROJECT = "CloudPubSubDeadLetterSourceSubscriptionProject";
    private static final String SOURCE_PUBLISH_TIME = "CloudPubSubDeadLetterSourceTopicPublishTime";

    private static final Logger log = LoggerFactory.getLogger(PubSubDeadLetters.class);
    private static final int PULL_BATCH = 100;

    private final SubscriptionAdminClient subscriber;
    private final TopicAdminClient publisher;
    private final String subscription;
    private final int holdSeconds;
    private final Duration wait;
    private final int limit;

    /** @param subscription the dead-letter subscription, {@code projects/P/subscriptions/S} */
    public PubSubDeadLetters(SubscriptionAdminClient subscriber, TopicAdminClient publisher, String subscription) {
        this(subscriber, publisher, subscription, DEFAULT_HOLD, DEFAULT_WAIT, DEFAULT_LIMIT);
    }

    /**
     * @param subscription the dead-letter subscription, {@code projects/P/subscriptions/S}
     * @param hold         the acknowledgement deadline of each message seen while the operation runs (10 .. 600 s)
     * @param wait         how long a pull waits for messages before the subscription counts as drained (≥ 1 s)
     * @param limit        the most letters one operation looks at
     */
    public PubSubDeadLetters(SubscriptionAdminClient subscriber, TopicAdminClient publisher, String subscription,
                             Duration hold, Duration wait, int limit) {
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        if (!SubscriptionName.isParsableFrom(subscription)) {
            throw new IllegalArgumentException("a subscription is projects/PROJECT/subscriptions/NAME, not " + subscription);
        }
        if (hold.getSeconds() < 10 || hold.getSeconds() > 600) {
            throw new IllegalArgumentException("hold must be 10 .. 600 s (Pub/Sub acknowledgement deadline), not " + hold);
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("wait must be at least 1 s, not " + wait);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        this.subscription = subscription;
        this.holdSeconds = (int) hold.getSeconds();
        this.wait = wait;
        this.limit = limit;
    }

    public String subscription() {
        return subscription;
    }

    /** Every letter on the subscription (up to the limit); none is acknowledged. */
    public List<PubSubDeadLetter> list() {
        Held held = new Held();
        try {
            scan(held, message -> false);
            return held.messages().stream().map(PubSubDeadLetters::letter).toList();
        } finally {
            held.releaseAll();
        }
    }

    /** The letter with this message id, if the subscription has it; nothing is acknowledged. */
    public Optional<PubSubDeadLetter> show(String messageId) {
        Held held = new Held();
        try {
            return scan(held, message -> message.getMessage().getMessageId().equals(messageId))
                    .map(PubSubDeadLetters::letter);
        } finally {
            held.releaseAll();
        }
    }

    /**
     * Publishes the letter with this message id to {@code topic} and acknowledges it; on a dry run does neither.
     *
     * @param topic the source topic, {@code projects/P/topics/T}
     * @return what was done, or empty when the subscription has no such letter
     */
    public Optional<PubSubReplay> replay(String messageId, String topic, boolean dryRun) {
        requireTopic(topic);
        Held held = new Held();
        try {
            return scan(held, message -> message.getMessage().getMessageId().equals(messageId))
                    .map(message -> dryRun ? wouldReplay(message, topic) : publishBack(message, topic, held));
        } finally {
            held.releaseAll();
        }
    }

    /**
     * Publishes every letter (up to the limit) to {@code topic}, acknowledging each once its copy is published.
     * Stops at the first failure to publish, with the letters replayed so far acknowledged and the rest released.
     *
     * @param topic the source topic, {@code projects/P/topics/T}
     */
    public List<PubSubReplay> replayAll(String topic, boolean dryRun) {
        requireTopic(topic);
        Held held = new Held();
        List<PubSubReplay> replays = new ArrayList<>();
        Set<String> done = new HashSet<>();
        try {
            while (done.size() < limit) {
                List<ReceivedMessage> page = pull(held);
                boolean anyNew = false;
                for (ReceivedMessage message : page) {
                    String id = message.getMessage().getMessageId();
                    if (done.contains(id)) {
                        // Redelivered although already published (its acknowledgement was lost): only acknowledge.
                        if (!dryRun) {
                            acknowledge(message, held);
                        }
                        continue;
                    }
                    if (done.size() >= limit) {
                        break;
                    }
                    done.add(id);
                    anyNew = true;
                    replays.add(dryRun ? wouldReplay(message, topic) : publishBack(message, topic, held));
                }
                if (!anyNew) {
                    break;
                }
            }
            return replays;
        } finally {
            held.releaseAll();
        }
    }

    private static void requireTopic(String topic) {
        if (topic == null || !TopicName.isParsableFrom(topic)) {
            throw new IllegalArgumentException("the source topic is required as projects/PROJECT/topics/NAME"
                    + " (Pub/Sub does not record it), not " + topic);
        }
    }

    /** Pulls pages into {@code held} until one matches, a pull brings nothing new, or the limit. */
    private Optional<ReceivedMessage> scan(Held held, Predicate<ReceivedMessage> wanted) {
        Set<String> seen = new HashSet<>();
        while (seen.size() < limit) {
            List<ReceivedMessage> page = pull(held);
            boolean anyNew = false;
            for (ReceivedMessage message : page) {
                if (wanted.test(message)) {
                    return Optional.of(message);
                }
                anyNew |= seen.add(message.getMessage().getMessageId());
            }
            if (!anyNew) {
                break;
            }
        }
        return Optional.empty();
    }

    /** One pull, its messages held; empty when nothing arrived within the wait. */
    private List<ReceivedMessage> pull(Held held) {
        PullRequest request = PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(PULL_BATCH).build();
        // A pull that runs out of time means "nothing there": it must end, not be retried until the client's total.
        GrpcCallContext context = GrpcCallContext.createDefault().withTimeoutDuration(wait)
                .withRetryableCodes(Set.of(StatusCode.Code.UNAVAILABLE));
        List<ReceivedMessage> page;
        try {
            page = subscriber.pullCallable().call(request, context).getReceivedMessagesList();
        } catch (DeadlineExceededException nothingWithinTheWait) {
            return List.of();
        }
        held.addAll(page);
        if (!page.isEmpty()) {
            subscriber.modifyAckDeadline(subscription, page.stream().map(ReceivedMessage::getAckId).toList(), holdSeconds);
        }
        return page;
    }

    private PubSubReplay wouldReplay(ReceivedMessage message, String topic) {
        log.atInfo().addKeyValue("messageId", message.getMessage().getMessageId()).addKeyValue("to", topic)
                .log("dry run: dead letter would be replayed");
        return new PubSubReplay(message.getMessage().getMessageId(), topic, null, false, true);
    }

    private PubSubReplay publishBack(ReceivedMessage received, String topic, Held held) {
        PubsubMessage letter = received.getMessage();
        PubsubMessage.Builder copy = PubsubMessage.newBuilder()
                .setData(letter.getData())
                .setOrderingKey(letter.getOrderingKey());
        letter.getAttributesMap().forEach((name, value) -> {
            if (!name.startsWith(DEAD_LETTER_ATTRIBUTE_PREFIX)) {
                copy.putAttributes(name, value);
            }
        });
        String newMessageId = publisher.publish(topic, List.of(copy.build())).getMessageIds(0);
        boolean acknowledged = acknowledge(received, held);
        log.atInfo().addKeyValue("messageId", letter.getMessageId()).addKeyValue("to", topic)
                .addKeyValue("newMessageId", newMessageId).log("dead letter replayed");
        return new PubSubReplay(letter.getMessageId(), topic, newMessageId, acknowledged, false);
    }

    private boolean acknowledge(ReceivedMessage message, Held held) {
        try {
            subscriber.acknowledge(subscription, List.of(message.getAckId()));
            held.forget(message);
            return true;
        } catch (ApiException e) {
            // The copy is published; the letter stays on the subscription and a later replay duplicates it.
            log.atWarn().addKeyValue("messageId", message.getMessage().getMessageId()).setCause(e)
                    .log("dead letter replayed but not acknowledged on the dead-letter subscription");
            return false;
        }
    }

    static PubSubDeadLetter letter(ReceivedMessage received) {
        PubsubMessage message = received.getMessage();
        Map<String, String> attributes = message.getAttributesMap();
        String project = attributes.get(SOURCE_PROJECT);
        String source = attributes.get(SOURCE_SUBSCRIPTION);
        String sourceSubscription = source == null ? null
                : source.startsWith("projects/") || project == null ? source
                : SubscriptionName.of(project, source).toString();
        int attempts = received.getDeliveryAttempt();
        String count = attributes.get(DELIVERY_COUNT);
        if (count != null) {
            try {
                attempts = Integer.parseInt(count);
            } catch (NumberFormatException unreadable) {
                // keep what the subscription itself counted
            }
        }
        return new PubSubDeadLetter(message.getMessageId(), message.getData().toString(StandardCharsets.UTF_8),
                attributes, message.getOrderingKey(),
                Instant.ofEpochSecond(message.getPublishTime().getSeconds(), message.getPublishTime().getNanos()),
                attempts, sourceSubscription, instant(attributes.get(SOURCE_PUBLISH_TIME)));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * The messages this operation has pulled and not acknowledged, all released at the end. Keyed by message id:
     * a redelivered message carries a new ack id, and the newest is the one that counts.
     */
    private final class Held {

        private final Map<String, ReceivedMessage> byMessageId = new LinkedHashMap<>();

        void addAll(List<ReceivedMessage> messages) {
            messages.forEach(message -> byMessageId.put(message.getMessage().getMessageId(), message));
        }

        void forget(ReceivedMessage message) {
            byMessageId.remove(message.getMessage().getMessageId(), message);
        }

        /** Each message once, in the order first pulled. */
        List<ReceivedMessage> messages() {
            return List.copyOf(byMessageId.values());
        }

        /** Never throws: a message not released is redelivered anyway when its hold runs out. */
        void releaseAll() {
            List<String> ackIds = byMessageId.values().stream().map(ReceivedMessage::getAckId).toList();
            byMessageId.clear();
            for (int start = 0; start < ackIds.size(); start += PULL_BATCH) {
                List<String> batch = ackIds.subList(start, Math.min(start + PULL_BATCH, ackIds.size()));
                try {
                    subscriber.modifyAckDeadline(subscription, batch, 0);
                } catch (ApiException e) {
                    log.atWarn().addKeyValue("count", batch.size()).setCause(e)
                            .log("dead letters not released; they are redelivered when their hold runs out");
                }
            }
        }
    }
}
