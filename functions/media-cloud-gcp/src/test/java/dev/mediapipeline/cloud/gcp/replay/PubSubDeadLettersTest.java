package dev.mediapipeline.cloud.gcp.replay;

import dev.mediapipeline.testkit.support.RequiredTools;

import com.google.api.gax.rpc.NotFoundException;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PubSubDeadLetters} against the Pub/Sub emulator (a child process), with letters dead-lettered by the
 * subscription's dead-letter policy or published to the dead-letter topic directly. Skips when the emulator is not
 * installed, unless {@code media.requireTools=true}.
 */
class PubSubDeadLettersTest {

    private static PubSubEmulator emulator;
    private static String unavailable;

    @BeforeAll
    static void start() throws Exception {
        unavailable = PubSubEmulator.unavailableReason();
        if (unavailable == null) {
            emulator = PubSubEmulator.start();
        }
    }

    @BeforeEach
    void requireEmulator() {
        RequiredTools.assumeAvailable(unavailable == null, unavailable);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static PubSubDeadLetters deadLetters(PubSubEmulator.Names names) {
        return new PubSubDeadLetters(emulator.subscriptions, emulator.topics, names.deadLetterSubscription(),
                Duration.ofSeconds(30), Duration.ofSeconds(1), PubSubDeadLetters.DEFAULT_LIMIT);
    }

    @Test
    void listShowsEveryLetterPastOnePullWithWhereItCameFromAndAcknowledgesNone() throws Exception {
        PubSubEmulator.Names names = emulator.names();
        Instant before = Instant.now().minusSeconds(1);
        emulator.failUntilDeadLettered(names, "{\"assetId\":\"failed\"}");
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            direct.add(emulator.publish(names.deadLetterTopic(), "{\"assetId\":\"a" + i + "\"}",
                    Map.of("type", "asset.failed")));
        }

        List<PubSubDeadLetter> letters = deadLetters(names).list();

        assertThat(letters).extracting(PubSubDeadLetter::messageId).hasSize(121).doesNotHaveDuplicates()
                .containsAll(direct);
        PubSubDeadLetter redriven = letters.stream().filter(letter -> letter.data().contains("failed"))
                .findFirst().orElseThrow();
        assertThat(redriven.deliveryAttempts()).isEqualTo(PubSubEmulator.MAX_DELIVERY_ATTEMPTS);
        assertThat(redriven.sourceSubscription()).isEqualTo(names.sourceSubscription());
        assertThat(redriven.sourcePublishTime()).isBetween(before, Instant.now());
        assertThat(redriven.publishTime()).isAfterOrEqualTo(redriven.sourcePublishTime());
        assertThat(redriven.attributes()).containsEntry("type", "asset.enriched");
        PubSubDeadLetter published = letters.stream().filter(letter -> letter.messageId().equals(direct.get(7)))
                .findFirst().orElseThrow();
        assertThat(published.data()).isEqualTo("{\"assetId\":\"a7\"}");
        assertThat(published.deliveryAttempts()).isZero();
        assertThat(published.sourceSubscription()).isNull();
        // Released at the end (the hold is 30 s): a second listing right away sees every letter again.
        assertThat(deadLetters(names).list()).extracting(PubSubDeadLetter::messageId).hasSize(121);
    }

    @Test
    void showFindsOneLetterByIdAndLeavesAllInPlace() {
        PubSubEmulator.Names names = emulator.names();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(emulator.publish(names.deadLetterTopic(), "letter " + i, Map.of()));
        }

        Optional<PubSubDeadLetter> shown = deadLetters(names).show(ids.get(3));

        assertThat(shown).hasValueSatisfying(letter -> assertThat(letter.data()).isEqualTo("letter 3"));
        assertThat(deadLetters(names).show("no-such-message")).isEmpty();
        assertThat(deadLetters(names).list()).extracting(PubSubDeadLetter::messageId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void replayingOnePublishesItToTheSourceTopicWithoutTheDeadLetterAttributesAndAcknowledgesIt() throws Exception {
        PubSubEmulator.Names names = emulator.names();
        emulator.failUntilDeadLettered(names, "{\"assetId\":\"failed\"}");
        String other = emulator.publish(names.deadLetterTopic(), "other", Map.of());
        PubSubDeadLetters deadLetters = deadLetters(names);
        String failed = deadLetters.list().stream().filter(letter -> letter.deliveryAttempts() > 0)
                .findFirst().orElseThrow().messageId();

        Optional<PubSubReplay> replay = deadLetters.replay(failed, names.sourceTopic(), false);

        assertThat(replay).hasValueSatisfying(done -> {
            assertThat(done.topic()).isEqualTo(names.sourceTopic());
            assertThat(done.acknowledged()).isTrue();
            assertThat(done.dryRun()).isFalse();
            assertThat(done.newMessageId()).isNotBlank();
        });
        List<PubsubMessage> onSource = emulator.drain(names.sourceSubscription());
        assertThat(onSource).singleElement().satisfies(message -> {
            assertThat(message.getData().toStringUtf8()).isEqualTo("{\"assetId\":\"failed\"}");
            assertThat(message.getAttributesMap()).containsExactlyEntriesOf(Map.of("type", "asset.enriched"));
            assertThat(message.getMessageId()).isEqualTo(replay.get().newMessageId());
        });
        assertThat(deadLetters.list()).extracting(PubSubDeadLetter::messageId).containsExactly(other);
    }

    @Test
    void replayAllPublishesEveryLetterKeepingOrderingKeysAndEmptiesTheSubscription() {
        PubSubEmulator.Names names = emulator.names();
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            data.add("letter " + i);
            emulator.publish(names.deadLetterTopic(), "letter " + i, Map.of("type", "asset.failed"));
        }
        data.add("ordered");
        emulator.publish(names.deadLetterTopic(), PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8("ordered"))
                .setOrderingKey("asset-42").build());

        List<PubSubReplay> replays = deadLetters(names).replayAll(names.sourceTopic(), false);

        assertThat(replays).hasSize(13).allSatisfy(replay -> assertThat(replay.acknowledged()).isTrue());
        List<PubsubMessage> onSource = emulator.drain(names.sourceSubscription());
        assertThat(onSource).extracting(message -> message.getData().toStringUtf8())
                .containsExactlyInAnyOrderElementsOf(data);
        assertThat(onSource).filteredOn(message -> message.getData().toStringUtf8().equals("ordered"))
                .singleElement().satisfies(message -> assertThat(message.getOrderingKey()).isEqualTo("asset-42"));
        assertThat(deadLetters(names).list()).isEmpty();
    }

    @Test
    void aDryRunPublishesNothingAndLeavesEveryLetter() {
        PubSubEmulator.Names names = emulator.names();
        String one = emulator.publish(names.deadLetterTopic(), "one", Map.of());
        emulator.publish(names.deadLetterTopic(), "two", Map.of());
        PubSubDeadLetters deadLetters = deadLetters(names);

        Optional<PubSubReplay> replay = deadLetters.replay(one, names.sourceTopic(), true);
        List<PubSubReplay> replays = deadLetters.replayAll(names.sourceTopic(), true);

        assertThat(replay).hasValueSatisfying(wouldBe -> {
            assertThat(wouldBe.dryRun()).isTrue();
            assertThat(wouldBe.newMessageId()).isNull();
            assertThat(wouldBe.acknowledged()).isFalse();
        });
        assertThat(replays).hasSize(2).allSatisfy(wouldBe -> assertThat(wouldBe.dryRun()).isTrue());
        assertThat(emulator.pull(names.sourceSubscription(), Duration.ofSeconds(1))).isEmpty();
        assertThat(deadLetters.list()).hasSize(2);
    }

    @Test
    void aTopicThatDoesNotExistFailsTheReplayAndLeavesTheLettersReleased() {
        PubSubEmulator.Names names = emulator.names();
        emulator.publish(names.deadLetterTopic(), "kept", Map.of());
        String missing = TopicName.of(PubSubEmulator.PROJECT, "no-such-topic").toString();

        assertThatThrownBy(() -> deadLetters(names).replayAll(missing, false)).isInstanceOf(NotFoundException.class);

        assertThat(deadLetters(names).list()).extracting(PubSubDeadLetter::data).containsExactly("kept");
    }

    @Test
    void theSourceTopicMustBeNamedAsATopic() {
        PubSubEmulator.Names names = emulator.names();
        assertThatThrownBy(() -> deadLetters(names).replayAll(null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not record it");
        assertThatThrownBy(() -> deadLetters(names).replay("1", "asset-events", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projects/PROJECT/topics/NAME");
    }

    @Test
    void settingsOutsideWhatPubSubAcceptsAreRefused() {
        String subscription = "projects/p/subscriptions/s";
        assertThatThrownBy(() -> new PubSubDeadLetters(emulator.subscriptions, emulator.topics, "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projects/PROJECT/subscriptions/NAME");
        assertThatThrownBy(() -> new PubSubDeadLetters(emulator.subscriptions, emulator.topics, subscription,
                Duration.ofSeconds(601), Duration.ofSeconds(1), 1)).hasMessageContaining("hold");
        assertThatThrownBy(() -> new PubSubDeadLetters(emulator.subscriptions, emulator.topics, subscription,
                Duration.ofSeconds(60), Duration.ZERO, 1)).hasMessageContaining("wait");
        assertThatThrownBy(() -> new PubSubDeadLetters(emulator.subscriptions, emulator.topics, subscription,
                Duration.ofSeconds(60), Duration.ofSeconds(1), 0)).hasMessageContaining("limit");
    }
}
