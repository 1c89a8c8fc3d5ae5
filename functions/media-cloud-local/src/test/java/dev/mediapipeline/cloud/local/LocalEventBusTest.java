package dev.mediapipeline.cloud.local;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.error.RetryLaterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEventBusTest {

    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final List<LocalEventBus> buses = new ArrayList<>();

    private LocalEventBus bus() {
        LocalEventBus bus = new LocalEventBus(dir, FAST, Clock.systemUTC(), 2);
        buses.add(bus);
        return bus;
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(LocalEventBus::close);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void eachSubscriberGetsItsOwnCopy() throws InterruptedException {
        LocalEventBus bus = bus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe("storage.finalized", "make-thumbnail", m -> seen.add("thumb:" + m.payload().get("key").asText()));
        bus.subscribe("storage.finalized", "extract-text", m -> seen.add("text:" + m.payload().get("key").asText()));
        bus.start();

        bus.publish("storage.finalized", Map.of("key", "a"));

        await(() -> seen.size() == 2);
        assertThat(seen).containsExactlyInAnyOrder("thumb:a", "text:a");
        await(() -> bus.pending("make-thumbnail").isEmpty() && bus.pending("extract-text").isEmpty());
    }

    @Test
    void aFailingDeliveryIsRetriedUntilItSucceeds() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("t", "s", m -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database down");
            }
        });
        bus.start();

        bus.publish("t", Map.of("n", 1));

        await(() -> calls.get() == 3 && bus.pending("s").isEmpty());
        assertThat(bus.deadLetters("s")).isEmpty();
    }

    @Test
    void afterFiveFailedAttemptsTheMessageIsDeadLetteredWithItsReason() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("t", "s", m -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still down");
        });
        bus.start();

        bus.publish("t", Map.of("n", 1));

        await(() -> bus.deadLetters("s").size() == 1);
        assertThat(calls.get()).isEqualTo(5);
        BusMessage dead = bus.deadLetters("s").get(0);
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.lastError()).contains("still down");
        assertThat(bus.pending("s")).isEmpty();
    }

    @Test
    void anErrorThrownByAHandlerIsRetriedLikeAnyFailure() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("t", "s", m -> {
            if (calls.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("a class that failed to load");
            }
        });
        bus.start();

        bus.publish("t", Map.of("n", 1));

        await(() -> calls.get() == 2 && bus.pending("s").isEmpty());
        assertThat(bus.deadLetters("s")).isEmpty();
    }

    @Test
    void aNonRetryableErrorIsDeadLetteredAtOnce() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("t", "s", m -> {
            calls.incrementAndGet();
            throw new PermanentFailureException(FailureReason.CORRUPT, "payload is not an event");
        });
        bus.start();

        bus.publish("t", Map.of("n", 1));

        await(() -> bus.deadLetters("s").size() == 1);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aDeadLetterReplayedAfterTheFaultIsFixedIsDeliveredOnce() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger delivered = new AtomicInteger();
        boolean[] broken = {true};
        bus.subscribe("t", "s", m -> {
            if (broken[0]) {
                throw new IllegalStateException("down");
            }
            delivered.incrementAndGet();
        });
        bus.start();
        bus.publish("t", Map.of("n", 1));
        await(() -> bus.deadLetters("s").size() == 1);

        broken[0] = false;
        assertThat(bus.replay("s", bus.deadLetters("s").get(0).id())).isTrue();

        await(() -> delivered.get() == 1 && bus.pending("s").isEmpty());
        assertThat(bus.deadLetters("s")).isEmpty();
        assertThat(bus.replay("s", "no-such-id")).isFalse();
    }

    @Test
    void retryLaterWaitsWithoutUsingUpAttempts() throws InterruptedException {
        LocalEventBus bus = bus();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("t", "s", m -> {
            if (calls.incrementAndGet() <= 8) {
                throw new RetryLaterException("lease held", Instant.now().plusMillis(5));
            }
        });
        bus.start();

        bus.publish("t", Map.of("n", 1));

        await(() -> calls.get() == 9 && bus.pending("s").isEmpty());
        assertThat(bus.deadLetters("s")).isEmpty();
    }

    @Test
    void messagesPendingWhenTheRunnerStoppedAreDeliveredAfterRestart() throws InterruptedException {
        LocalEventBus first = bus();
        CountDownLatch entered = new CountDownLatch(1);
        first.subscribe("t", "s", m -> {
            entered.countDown();
            Thread.sleep(60_000);
        });
        first.start();
        first.publish("t", Map.of("n", 1));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        first.close();

        LocalEventBus second = bus();
        AtomicInteger delivered = new AtomicInteger();
        second.subscribe("t", "s", m -> delivered.incrementAndGet());
        second.start();

        await(() -> delivered.get() == 1 && second.pending("s").isEmpty());
    }

    @Test
    void aPublishWithNoSubscriberStoresNothing() {
        LocalEventBus bus = bus();
        bus.start();

        bus.publish("nobody.listens", Map.of("n", 1));

        assertThat(bus.subscribers()).isEmpty();
    }
}
