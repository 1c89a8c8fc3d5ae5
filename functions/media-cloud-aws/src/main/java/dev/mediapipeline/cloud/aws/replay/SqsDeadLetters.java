package dev.mediapipeline.cloud.aws.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Lists, shows and replays the messages of one SQS dead-letter queue.
 *
 * <p><b>Looking without taking.</b> SQS can only show a message by receiving it, and receiving hides it. A
 * receive with visibility 0 would leave each message visible, so the next receive could hand back the same ten and
 * a listing would never be sure to reach the end. Instead every message seen is <em>held</em>: received with a
 * short visibility timeout (default 60 s) while the scan goes on, then released (visibility set back to 0) when
 * the operation ends, success or failure. If the process dies in between, the messages reappear by themselves
 * when the hold runs out. Each look adds one to the message's {@code ApproximateReceiveCount}; that is harmless
 * because a dead-letter queue has no redrive policy of its own (give it none).
 *
 * <p><b>Replaying</b> sends a copy (body and message attributes) to the source queue and only then deletes the
 * letter from the dead-letter queue. A crash between the two leaves the letter in both places, so it is delivered
 * twice, never lost; the consumers are idempotent. On a FIFO source queue the copy keeps the letter's message
 * group, and its deduplication id is derived from the letter's id, so replaying again after such a crash (within
 * SQS's five-minute deduplication window) does not even duplicate.
 *
 * <p>The source queue is the one given, or else the one queue whose redrive policy points at this dead-letter
 * queue ({@code ListDeadLetterSourceQueues}); when there are none or several, the caller must name it.
 *
 * <p>Errors from SQS propagate as the SDK's {@link SdkException}s.
 */
public final class SqsDeadLetters {

    /** How long a message seen is kept hidden from others while an operation goes on. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(60);
    /** How long one receive waits for messages (long polling asks every SQS server, so an empty answer means empty). */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    /** The most letters one operation looks at. */
    public static final int DEFAULT_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SqsDeadLetters.class);
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final int holdSeconds;
    private final int waitSeconds;
    private final int limit;

    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl) {
        this(sqs, deadLetterQueueUrl, DEFAULT_HOLD, DEFAULT_WAIT, DEFAULT_LIMIT);
    }

    /**
     * @param hold  how long each message seen stays hidden while the operation runs (1 s .. 12 h); it must outlast
     *              the operation's time between receiving a letter and deleting it
     * @param wait  long-polling time of each receive (0 .. 20 s)
     * @param limit the most letters one operation looks at
     */
    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl, Duration hold, Duration wait, int limit) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl");
        if (hold.getSeconds() < 1 || hold.getSeconds() > 43_200) {
            throw new IllegalArgumentException("hold must be 1 s .. 12 h (SQS visibility timeout), not " + hold);
        }
        if (wait.isNegative() || wait.getSeconds() > 20) {
            throw new IllegalArgumentException("wait must be 0 .. 20 s (SQS long polling), not " + wait);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        this.holdSeconds = (int) hold.getSeconds();
        this.waitSeconds = (int) wait.getSeconds();
        this.limit = limit;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    /** Every letter in the queue (up to the limit), oldest receive first as SQS hands them out; none is consumed. */
    public List<SqsDeadLetter> list() {
        Held held = new Held();
        try {
            scan(held, message -> false);
            return held.messages().stream().map(SqsDeadLetters::letter).toList();
        } finally {
            held.releaseAll();
        }
    }

    /** The letter with this message id, if the queue has it; nothing is consumed. */
    public Optional<SqsDeadLetter> show(String messageId) {
        Held held = new Held();
        try {
            return scan(held, message -> message.messageId().equals(messageId)).map(SqsDeadLetters::letter);
        } finally {
            held.releaseAll();
        }
    }

    /**
     * The queue whose redrive policy sends its failures here, when exactly one does.
     *
     * @throws IllegalStateException when no queue or several do (the caller must then name the source queue)
     */
    public String sourceQueueUrl() {
        List<String> sources = new ArrayList<>();
        sqs.listDeadLetterSourceQueuesPaginator(request -> request.queueUrl(deadLetterQueueUrl))
                .queueUrls().forEach(sources::add);
        if (sources.size() == 1) {
            return sources.get(0);
        }
        throw new IllegalStateException(sources.isEmpty()
                ? "no queue has " + deadLetterQueueUrl + " as its dead-letter queue; name the source queue to replay to"
                : "several queues use " + deadLetterQueueUrl + " as their dead-letter queue " + sources
                        + "; name the one to replay to");
    }

    /**
     * Sends the letter with this message id back to {@code toQueueUrl} (null: {@link #sourceQueueUrl()}) and
     * deletes it from the dead-letter queue; on a dry run only checks that both exist.
     *
     * @return what was done, or empty when the dead-letter queue has no such letter
     */
    public Optional<SqsReplay> replay(String messageId, String toQueueUrl, boolean dryRun) {
        Target target = target(toQueueUrl);
        Held held = new Held();
        try {
            Optional<Message> found = scan(held, message -> message.messageId().equals(messageId));
            return found.map(message -> dryRun ? wouldReplay(message, target) : sendBack(message, target, held));
        } finally {
            held.releaseAll();
        }
    }

    /**
     * Sends every letter (up to the limit) back to {@code toQueueUrl} (null: {@link #sourceQueueUrl()}), deleting
     * each from the dead-letter queue once its copy is sent. Stops at the first failure to send, with the letters
     * replayed so far gone from the dead-letter queue and the rest still there.
     */
    public List<SqsReplay> replayAll(String toQueueUrl, boolean dryRun) {
        Target target = target(toQueueUrl);
        Held held = new Held();
        List<SqsReplay> replays = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            while (seen.size() < limit) {
                List<Message> page = receive();
                held.addAll(page);
                boolean anyNew = false;
                for (Message message : page) {
                    // A letter whose hold ran out (or whose delete failed) comes round again: handle it once.
                    if (seen.size() >= limit || !seen.add(message.messageId())) {
                        continue;
                    }
                    anyNew = true;
                    replays.add(dryRun ? wouldReplay(message, target) : sendBack(message, target, held));
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

    /** Receives pages into {@code held} until one matches, the queue has nothing more to give, or the limit. */
    private Optional<Message> scan(Held held, Predicate<Message> wanted) {
        Set<String> seen = new HashSet<>();
        while (seen.size() < limit) {
            List<Message> page = receive();
            held.addAll(page);
            boolean anyNew = false;
            for (Message message : page) {
                if (wanted.test(message)) {
                    return Optional.of(message);
                }
                anyNew |= seen.add(message.messageId());
            }
            if (!anyNew) {
                break;
            }
        }
        return Optional.empty();
    }

    private List<Message> receive() {
        return sqs.receiveMessage(request -> request.queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(BATCH)
                .visibilityTimeout(holdSeconds)
                .waitTimeSeconds(waitSeconds)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private Target target(String toQueueUrl) {
        String url = toQueueUrl != null ? toQueueUrl : sourceQueueUrl();
        if (url.equals(deadLetterQueueUrl)) {
            throw new IllegalArgumentException("the source queue " + url + " is the dead-letter queue itself");
        }
        Map<QueueAttributeName, String> attributes;
        try {
            attributes = sqs.getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.FIFO_QUEUE)).attributes();
        } catch (QueueDoesNotExistException e) {
            throw new IllegalArgumentException("no source queue " + url + ": " + e.getMessage(), e);
        }
        return new Target(url, "true".equalsIgnoreCase(attributes.get(QueueAttributeName.FIFO_QUEUE)));
    }

    private SqsReplay wouldReplay(Message message, Target target) {
        log.atInfo().addKeyValue("messageId", message.messageId()).addKeyValue("to", target.url())
                .log("dry run: dead letter would be replayed");
        return new SqsReplay(message.messageId(), target.url(), null, false, true);
    }

    private SqsReplay sendBack(Message message, Target target, Held held) {
        SendMessageRequest.Builder copy = SendMessageRequest.builder()
                .queueUrl(target.url())
                .messageBody(message.body())
                .messageAttributes(message.messageAttributes());
        if (target.fifo()) {
            String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            copy.messageGroupId(group != null ? group : message.messageId())
                    .messageDeduplicationId("replay-" + message.messageId());
        }
        String newMessageId = sqs.sendMessage(copy.build()).messageId();
        boolean removed = false;
        try {
            sqs.deleteMessage(request -> request.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
            held.forget(message);
            removed = true;
        } catch (SdkException e) {
            // The copy is on its way; the letter stays in the dead-letter queue and a later replay duplicates it.
            log.atWarn().addKeyValue("messageId", message.messageId()).addKeyValue("to", target.url())
                    .setCause(e).log("dead letter replayed but not deleted from the dead-letter queue");
        }
        log.atInfo().addKeyValue("messageId", message.messageId()).addKeyValue("to", target.url())
                .addKeyValue("newMessageId", newMessageId).log("dead letter replayed");
        return new SqsReplay(message.messageId(), target.url(), newMessageId, removed, false);
    }

    static SqsDeadLetter letter(Message message) {
        Map<String, String> messageAttributes = new TreeMap<>();
        message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, text(value)));
        Map<String, String> attributes = new TreeMap<>(message.attributesAsStrings());
        String receives = attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString());
        String sent = attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP.toString());
        return new SqsDeadLetter(message.messageId(), message.body(), messageAttributes, attributes,
                receives == null ? 0 : Integer.parseInt(receives),
                sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent)));
    }

    private static String text(MessageAttributeValue value) {
        if (value.stringValue() != null) {
            return value.stringValue();
        }
        return value.binaryValue() == null ? "" : Base64.getEncoder().encodeToString(value.binaryValue().asByteArray());
    }

    private record Target(String url, boolean fifo) {
    }

    /**
     * The messages this operation has received and not deleted, all made visible again at the end. Keyed by message
     * id: a message received again carries a new receipt handle, and only the newest one works.
     */
    private final class Held {

        private final Map<String, Message> byMessageId = new LinkedHashMap<>();

        void addAll(List<Message> messages) {
            messages.forEach(message -> byMessageId.put(message.messageId(), message));
        }

        void forget(Message message) {
            byMessageId.remove(message.messageId());
        }

        /** Each message once, in the order first received. */
        List<Message> messages() {
            return List.copyOf(byMessageId.values());
        }

        /** Never throws: a message not released becomes visible anyway when its hold runs out. */
        void releaseAll() {
            List<Message> messages = messages();
            byMessageId.clear();
            for (int start = 0; start < messages.size(); start += BATCH) {
                List<Message> batch = messages.subList(start, Math.min(start + BATCH, messages.size()));
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(batch.get(i).receiptHandle()).visibilityTimeout(0).build());
                }
                try {
                    List<BatchResultErrorEntry> failed = sqs.changeMessageVisibilityBatch(request -> request
                            .queueUrl(deadLetterQueueUrl).entries(entries)).failed();
                    failed.forEach(failure -> log.atWarn()
                            .addKeyValue("messageId", batch.get(Integer.parseInt(failure.id())).messageId())
                            .addKeyValue("code", failure.code())
                            .log("dead letter not released; it becomes visible when its hold runs out"));
                } catch (SdkException e) {
                    log.atWarn().addKeyValue("count", batch.size()).setCause(e)
                            .log("dead letters not released; they become visible when their hold runs out");
                }
            }
        }
    }
}
