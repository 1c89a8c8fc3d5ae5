package dev.mediapipeline.cloud.aws.replay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SqsDeadLetters} against ElasticMQ, with letters dead-lettered by SQS's redrive policy or sent directly. */
class SqsDeadLettersTest {

    private static ElasticMq elasticMq;

    @BeforeAll
    static void start() {
        elasticMq = new ElasticMq();
    }

    @AfterAll
    static void stop() {
        elasticMq.close();
    }

    private static SqsDeadLetters deadLetters(ElasticMq.Queues queues) {
        return new SqsDeadLetters(elasticMq.sqs, queues.deadLetter(), Duration.ofSeconds(30), Duration.ZERO,
                SqsDeadLetters.DEFAULT_LIMIT);
    }

    @Test
    void listShowsEveryLetterPastOnePageWithBodyAttributesReceiveCountAndSentTimeAndConsumesNone() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        Instant before = Instant.now().minusSeconds(1);
        String failed = elasticMq.failUntilDeadLettered(queues, "{\"assetId\":\"failed\"}");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            sent.add(elasticMq.send(queues.deadLetter(), "{\"assetId\":\"a" + i + "\"}", "asset.failed"));
        }

        List<SqsDeadLetter> letters = deadLetters(queues).list();

        assertThat(letters).extracting(SqsDeadLetter::messageId).doesNotHaveDuplicates().hasSize(12)
                .contains(failed).containsAll(sent);
        SqsDeadLetter redriven = letters.stream().filter(letter -> letter.messageId().equals(failed)).findFirst()
                .orElseThrow();
        assertThat(redriven.body()).isEqualTo("{\"assetId\":\"failed\"}");
        assertThat(redriven.messageAttributes()).containsEntry("type", "asset.enriched");
        assertThat(redriven.receiveCount()).isGreaterThan(ElasticMq.MAX_RECEIVE_COUNT);
        assertThat(redriven.attributes()).containsKey("ApproximateReceiveCount");
        assertThat(redriven.sentAt()).isBetween(before, Instant.now().plusSeconds(1));
        SqsDeadLetter direct = letters.stream().filter(letter -> letter.messageId().equals(sent.get(3))).findFirst()
                .orElseThrow();
        assertThat(direct.body()).isEqualTo("{\"assetId\":\"a3\"}");
        assertThat(direct.messageAttributes()).containsEntry("type", "asset.failed");
        // Released at the end: all twelve visible again at once, none held, none gone.
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(12, 0);
    }

    @Test
    void aLambdaDeadLetterShowsTheFunctionsError() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String id = elasticMq.sqs.sendMessage(request -> request.queueUrl(queues.deadLetter()).messageBody("{}")
                .messageAttributes(Map.of("ErrorMessage", MessageAttributeValue.builder().dataType("String")
                        .stringValue("Task timed out after 30.00 seconds").build()))).messageId();

        Optional<SqsDeadLetter> letter = deadLetters(queues).show(id);

        assertThat(letter).hasValueSatisfying(found ->
                assertThat(found.lastError()).contains("Task timed out after 30.00 seconds"));
    }

    @Test
    void showFindsOneLetterByIdAmongManyAndLeavesAllInPlace() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(elasticMq.send(queues.deadLetter(), "letter " + i, "asset.failed"));
        }

        Optional<SqsDeadLetter> shown = deadLetters(queues).show(ids.get(13));

        assertThat(shown).hasValueSatisfying(letter -> {
            assertThat(letter.messageId()).isEqualTo(ids.get(13));
            assertThat(letter.body()).isEqualTo("letter 13");
        });
        assertThat(deadLetters(queues).show("no-such-message")).isEmpty();
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(15, 0);
    }

    @Test
    void replayingOneSendsItToTheQueueWhoseRedrivePolicyNamesTheDeadLetterQueueAndDeletesIt() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String failed = elasticMq.failUntilDeadLettered(queues, "{\"assetId\":\"failed\"}");
        String other = elasticMq.send(queues.deadLetter(), "other", "asset.failed");
        SqsDeadLetters deadLetters = deadLetters(queues);
        assertThat(deadLetters.sourceQueueUrl()).isEqualTo(queues.source());

        Optional<SqsReplay> replay = deadLetters.replay(failed, null, false);

        assertThat(replay).hasValueSatisfying(done -> {
            assertThat(done.sourceQueueUrl()).isEqualTo(queues.source());
            assertThat(done.newMessageId()).isNotBlank();
            assertThat(done.removed()).isTrue();
            assertThat(done.dryRun()).isFalse();
        });
        List<Message> onSource = elasticMq.receiveAll(queues.source());
        assertThat(onSource).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"assetId\":\"failed\"}");
            assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("asset.enriched");
            assertThat(message.messageId()).isEqualTo(replay.get().newMessageId());
        });
        assertThat(elasticMq.receiveAll(queues.deadLetter())).extracting(Message::messageId).containsExactly(other);
    }

    @Test
    void replayingAnUnknownIdDoesNothing() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        elasticMq.send(queues.deadLetter(), "kept", "asset.failed");

        assertThat(deadLetters(queues).replay("no-such-message", null, false)).isEmpty();

        assertThat(elasticMq.receiveAll(queues.source())).isEmpty();
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(1, 0);
    }

    @Test
    void replayAllMovesEveryLetterToTheNamedQueueAndEmptiesTheDeadLetterQueue() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String elsewhere = elasticMq.plainQueue("elsewhere");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            bodies.add("letter " + i);
            elasticMq.send(queues.deadLetter(), "letter " + i, "asset.failed");
        }
        bodies.add("failed");
        elasticMq.failUntilDeadLettered(queues, "failed");

        List<SqsReplay> replays = deadLetters(queues).replayAll(elsewhere, false);

        assertThat(replays).hasSize(14).allSatisfy(replay -> {
            assertThat(replay.sourceQueueUrl()).isEqualTo(elsewhere);
            assertThat(replay.removed()).isTrue();
        });
        assertThat(elasticMq.receiveAll(elsewhere)).extracting(Message::body).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(0, 0);
        assertThat(elasticMq.receiveAll(queues.source())).isEmpty();
    }

    @Test
    void aDryRunSendsNothingAndLeavesEveryLetterVisible() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String one = elasticMq.send(queues.deadLetter(), "one", "asset.failed");
        for (int i = 0; i < 11; i++) {
            elasticMq.send(queues.deadLetter(), "more " + i, "asset.failed");
        }
        SqsDeadLetters deadLetters = deadLetters(queues);

        Optional<SqsReplay> replay = deadLetters.replay(one, null, true);
        List<SqsReplay> replays = deadLetters.replayAll(null, true);

        assertThat(replay).hasValueSatisfying(wouldBe -> {
            assertThat(wouldBe.dryRun()).isTrue();
            assertThat(wouldBe.newMessageId()).isNull();
            assertThat(wouldBe.removed()).isFalse();
            assertThat(wouldBe.sourceQueueUrl()).isEqualTo(queues.source());
        });
        assertThat(replays).hasSize(12).allSatisfy(wouldBe -> assertThat(wouldBe.dryRun()).isTrue())
                .extracting(SqsReplay::messageId).doesNotHaveDuplicates().contains(one);
        assertThat(elasticMq.receiveAll(queues.source())).isEmpty();
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(12, 0);
    }

    @Test
    void onAFifoQueueTheReplayKeepsTheMessageGroup() {
        ElasticMq.Queues queues = elasticMq.queues(true);
        elasticMq.sqs.sendMessage(request -> request.queueUrl(queues.deadLetter()).messageBody("ordered")
                .messageGroupId("asset-42").messageDeduplicationId("d1"));

        List<SqsReplay> replays = deadLetters(queues).replayAll(null, false);

        assertThat(replays).singleElement().satisfies(replay -> assertThat(replay.removed()).isTrue());
        assertThat(elasticMq.receiveAll(queues.source())).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("ordered");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "asset-42");
        });
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(0, 0);
    }

    @Test
    void withoutExactlyOneSourceQueueTheCallerMustNameIt() {
        String lonely = elasticMq.plainQueue("lonely-dead-letter");
        elasticMq.send(lonely, "kept", "asset.failed");
        SqsDeadLetters noSource = new SqsDeadLetters(elasticMq.sqs, lonely);

        assertThatThrownBy(() -> noSource.replayAll(null, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no queue has " + lonely);
        assertThat(elasticMq.counts(lonely)).containsExactly(1, 0);

        ElasticMq.Queues queues = elasticMq.queues(false);
        String arn = elasticMq.sqs.getQueueAttributes(request -> request.queueUrl(queues.deadLetter())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String second = elasticMq.sqs.createQueue(request -> request.queueName("second-source-" + System.nanoTime())
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();

        assertThatThrownBy(() -> deadLetters(queues).sourceQueueUrl()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("several queues").hasMessageContaining(queues.source()).hasMessageContaining(second);
    }

    @Test
    void aSourceQueueThatDoesNotExistIsRefusedBeforeAnyLetterIsTouched() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        elasticMq.send(queues.deadLetter(), "kept", "asset.failed");
        String missing = queues.source() + "-missing";

        assertThatThrownBy(() -> deadLetters(queues).replayAll(missing, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> deadLetters(queues).replayAll(queues.deadLetter(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dead-letter queue itself");
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(1, 0);
    }

    @Test
    void settingsOutsideWhatSqsAcceptsAreRefused() {
        assertThatThrownBy(() -> new SqsDeadLetters(elasticMq.sqs, "q", Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> new SqsDeadLetters(elasticMq.sqs, "q", Duration.ofSeconds(5), Duration.ofSeconds(21), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wait");
        assertThatThrownBy(() -> new SqsDeadLetters(elasticMq.sqs, "q", Duration.ofSeconds(5), Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
