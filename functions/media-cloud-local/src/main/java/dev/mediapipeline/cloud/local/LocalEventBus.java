package dev.mediapipeline.cloud.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mediapipeline.domain.error.PipelineException;
import dev.mediapipeline.domain.error.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An in-process queue that behaves like the cloud ones: each subscriber of a topic gets its own copy of a
 * message, failed deliveries are retried with exponential backoff, and after the last attempt the message
 * moves to the subscriber's dead-letter directory.
 *
 * <p>Every message is a file ({@code <dir>/<subscriber>/pending/<id>.json}) written before {@link #publish}
 * returns and deleted only after its handler succeeded, so a runner stopped mid-work redelivers it at the next
 * {@link #start()}. Dead letters ({@code <dir>/<subscriber>/dead-letter/}) survive restarts until replayed.
 */
public final class LocalEventBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private record Subscription(String topic, String subscriber, MessageHandler handler) {
    }

    private final Path dir;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ScheduledExecutorService workers;
    private final Map<String, List<Subscription>> byTopic = new ConcurrentHashMap<>();
    private final Map<String, Subscription> bySubscriber = new ConcurrentHashMap<>();
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    /** Told about every delivery outcome; the runner counts them as metrics. */
    public interface DeliveryListener {
        void delivered(BusMessage message, Outcome outcome);

        enum Outcome { ACKNOWLEDGED, RETRYING, DEFERRED, DEAD_LETTERED }
    }

    public LocalEventBus(Path dir, RetryPolicy retryPolicy, Clock clock, int workerThreads) {
        this.dir = dir;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.workers = Executors.newScheduledThreadPool(workerThreads, runnable -> {
            Thread thread = new Thread(runnable, "local-bus-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void addListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** Registers {@code subscriber} (a unique name, e.g. the function name) for {@code topic}. */
    public void subscribe(String topic, String subscriber, MessageHandler handler) {
        Subscription subscription = new Subscription(topic, subscriber, handler);
        if (bySubscriber.putIfAbsent(subscriber, subscription) != null) {
            throw new IllegalStateException("subscriber " + subscriber + " is already registered");
        }
        byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscription);
        createDirectories(pendingDir(subscriber));
        createDirectories(deadLetterDir(subscriber));
        if (started) {
            resume(subscription);
        }
    }

    /** Schedules every message left pending by an earlier run. */
    public void start() {
        started = true;
        bySubscriber.values().forEach(this::resume);
    }

    /**
     * Stores one copy of {@code payload} per subscriber of {@code topic} and schedules the deliveries. Returns
     * once every copy is on disk; throws {@link UncheckedIOException} when one could not be written.
     */
    public void publish(String topic, Object payload) {
        JsonNode tree = JSON.valueToTree(payload);
        List<Subscription> subscriptions = byTopic.getOrDefault(topic, List.of());
        if (subscriptions.isEmpty()) {
            log.atDebug().addKeyValue("topic", topic).log("no local subscriber for this topic");
        }
        Instant now = clock.instant();
        for (Subscription subscription : subscriptions) {
            BusMessage message = new BusMessage(UUID.randomUUID().toString(), topic, subscription.subscriber(), tree,
                    0, now, now, null);
            write(pendingFile(message.subscriber(), message.id()), message);
            schedule(subscription, message.id(), Duration.ZERO);
        }
    }

    public List<BusMessage> pending(String subscriber) {
        return readAll(pendingDir(subscriber));
    }

    public List<BusMessage> deadLetters(String subscriber) {
        return readAll(deadLetterDir(subscriber));
    }

    /** Every subscriber that has a directory, registered in this process or not. */
    public List<String> subscribers() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a dead letter back to pending with a fresh attempt count; false when there is no such letter. */
    public boolean replay(String subscriber, String messageId) {
        Path letter = deadLetterDir(subscriber).resolve(messageId + ".json");
        Optional<BusMessage> message = read(letter);
        if (message.isEmpty()) {
            return false;
        }
        BusMessage fresh = new BusMessage(messageId, message.get().topic(), subscriber, message.get().payload(), 0,
                message.get().publishedAt(), clock.instant(), message.get().lastError());
        write(pendingFile(subscriber, messageId), fresh);
        try {
            Files.deleteIfExists(letter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Subscription subscription = bySubscriber.get(subscriber);
        if (subscription != null && started) {
            schedule(subscription, messageId, Duration.ZERO);
        }
        log.atInfo().addKeyValue("subscriber", subscriber).addKeyValue("messageId", messageId).log("dead letter replayed");
        return true;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resume(Subscription subscription) {
        Instant now = clock.instant();
        for (BusMessage message : pending(subscription.subscriber())) {
            Duration wait = Duration.between(now, message.nextAttemptAt());
            schedule(subscription, message.id(), wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    private void schedule(Subscription subscription, String messageId, Duration delay) {
        if (!started || workers.isShutdown()) {
            return;
        }
        workers.schedule(() -> deliver(subscription, messageId), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(Subscription subscription, String messageId) {
        Path file = pendingFile(subscription.subscriber(), messageId);
        Optional<BusMessage> read = read(file);
        if (read.isEmpty()) {
            return;
        }
        BusMessage message = read.get();
        try {
            subscription.handler().handle(message);
            Files.deleteIfExists(file);
            notify(message, DeliveryListener.Outcome.ACKNOWLEDGED);
        } catch (RetryLaterException later) {
            write(file, message.deferred(later.notBefore()));
            schedule(subscription, messageId, Duration.between(clock.instant(), later.notBefore()));
            notify(message, DeliveryListener.Outcome.DEFERRED);
        } catch (Throwable failure) {
            // Errors too (a class that failed to load, a stack overflow): the message must be retried or
            // dead-lettered, never left pending until the next restart.
            handleFailure(subscription, file, message, failure);
        }
    }

    private void handleFailure(Subscription subscription, Path file, BusMessage message, Throwable failure) {
        int attempts = message.attempts() + 1;
        boolean retryable = !(failure instanceof PipelineException pipeline) || pipeline.isRetryable();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (!retryable || attempts >= retryPolicy.maxAttempts()) {
            BusMessage dead = message.failed(attempts, clock.instant(), error);
            write(deadLetterDir(subscription.subscriber()).resolve(message.id() + ".json"), dead);
            deleteQuietly(file);
            log.atError().addKeyValue("subscriber", subscription.subscriber()).addKeyValue("messageId", message.id())
                    .addKeyValue("attempts", attempts).addKeyValue("error", error)
                    .log("message dead-lettered; inspect and replay it with scripts/replay-dlq");
            notify(dead, DeliveryListener.Outcome.DEAD_LETTERED);
            return;
        }
        Duration backoff = retryPolicy.backoffAfter(attempts);
        write(file, message.failed(attempts, clock.instant().plus(backoff), error));
        log.atWarn().addKeyValue("subscriber", subscription.subscriber()).addKeyValue("messageId", message.id())
                .addKeyValue("attempt", attempts).addKeyValue("retryInMs", backoff.toMillis()).addKeyValue("error", error)
                .log("delivery failed; will retry");
        schedule(subscription, message.id(), backoff);
        notify(message, DeliveryListener.Outcome.RETRYING);
    }

    private void notify(BusMessage message, DeliveryListener.Outcome outcome) {
        listeners.forEach(listener -> listener.delivered(message, outcome));
    }

    private Path pendingDir(String subscriber) {
        return dir.resolve(subscriber).resolve("pending");
    }

    private Path deadLetterDir(String subscriber) {
        return dir.resolve(subscriber).resolve("dead-letter");
    }

    private Path pendingFile(String subscriber, String messageId) {
        return pendingDir(subscriber).resolve(messageId + ".json");
    }

    private static List<BusMessage> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<BusMessage> messages = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> read(p).ifPresent(messages::add));
            messages.sort(Comparator.comparing(BusMessage::publishedAt));
            return messages;
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<BusMessage> read(Path file) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), BusMessage.class));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable bus message " + file, e);
        }
    }

    private static void write(Path file, BusMessage message) {
        try {
            Path temp = Files.createTempFile(file.getParent(), "msg", ".tmp");
            try {
                Files.write(temp, JSON.writeValueAsBytes(message));
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bus message " + file, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Removing a pending copy after dead-lettering it; a leftover is redelivered, which is harmless.
        }
    }

    /** For callers that turn payloads into their own types. */
    public static ObjectMapper json() {
        return JSON;
    }
}
