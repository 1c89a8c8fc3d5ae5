package dev.mediapipeline.cloud.aws.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SqsDeadLetterCli} run as a user would, against ElasticMQ. Credentials come from the SDK's default chain,
 * here its system-property step.
 */
class SqsDeadLetterCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ElasticMq elasticMq;
    private static String previousKey;
    private static String previousSecret;

    @BeforeAll
    static void start() {
        elasticMq = new ElasticMq();
        previousKey = System.setProperty("aws.accessKeyId", "test");
        previousSecret = System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        restore("aws.accessKeyId", previousKey);
        restore("aws.secretAccessKey", previousSecret);
        elasticMq.close();
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SqsDeadLetterCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] against(ElasticMq.Queues queues, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--aws-queue", queues.deadLetter(),
                "--endpoint", elasticMq.endpoint, "--region", "eu-west-1", "--hold", "20", "--wait", "0")).toArray(String[]::new);
    }

    @Test
    void listPrintsATableOrJsonLinesAndCountsOnStandardError() throws Exception {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String failed = elasticMq.failUntilDeadLettered(queues, "{\"assetId\":\"a1\"}");
        String direct = elasticMq.send(queues.deadLetter(), "plain\ntext", "asset.failed");

        Run table = run(against(queues, "list"));
        Run json = run(against(queues, "list", "--json"));

        assertThat(table.status()).isZero();
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().get(0)).startsWith("ID").contains("RECEIVES", "SENT", "LAST ERROR", "BODY");
        assertThat(table.out()).contains(failed, direct, "{\"assetId\":\"a1\"}", "plain text");
        assertThat(table.err()).contains("2 dead letter(s) in " + queues.deadLetter());
        List<JsonNode> letters = new ArrayList<>();
        for (String line : json.lines()) {
            letters.add(JSON.readTree(line));
        }
        assertThat(letters).extracting(letter -> letter.get("messageId").asText()).containsExactlyInAnyOrder(failed, direct);
        JsonNode redriven = letters.stream().filter(letter -> letter.get("messageId").asText().equals(failed))
                .findFirst().orElseThrow();
        assertThat(redriven.get("body").asText()).isEqualTo("{\"assetId\":\"a1\"}");
        assertThat(redriven.get("receiveCount").asInt()).isGreaterThan(ElasticMq.MAX_RECEIVE_COUNT);
        assertThat(redriven.get("sentAt").asText()).endsWith("Z");
        assertThat(redriven.get("messageAttributes").get("type").asText()).isEqualTo("asset.enriched");
        assertThat(redriven.get("attributes").has("ApproximateReceiveCount")).isTrue();
    }

    @Test
    void showPrintsOneLetterAsJsonAndFailsForAnUnknownId() throws Exception {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String id = elasticMq.send(queues.deadLetter(), "{\"assetId\":\"a2\"}", "asset.failed");

        Run shown = run(against(queues, "show", id));
        Run missing = run(against(queues, "show", "no-such-id"));

        assertThat(shown.status()).isZero();
        JsonNode letter = JSON.readTree(shown.out());
        assertThat(letter.get("messageId").asText()).isEqualTo(id);
        assertThat(letter.get("body").asText()).isEqualTo("{\"assetId\":\"a2\"}");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no dead letter no-such-id");
    }

    @Test
    void replayDryRunFirstThenForRealMovesTheLetterToTheSourceQueue() {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String id = elasticMq.failUntilDeadLettered(queues, "{\"assetId\":\"a3\"}");

        Run dryRun = run(against(queues, "replay", id, "--dry-run"));
        assertThat(dryRun.status()).isZero();
        assertThat(dryRun.out()).contains("would replay " + id + " to " + queues.source());
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(1, 0);
        assertThat(elasticMq.counts(queues.source())).containsExactly(0, 0);

        Run replay = run(against(queues, "replay", id));

        assertThat(replay.status()).isZero();
        assertThat(replay.out()).startsWith("replayed " + id + " to " + queues.source() + " as ");
        assertThat(elasticMq.receiveAll(queues.source())).extracting(Message::body).containsExactly("{\"assetId\":\"a3\"}");
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(0, 0);
    }

    @Test
    void replayAllToANamedQueuePrintsOneJsonLinePerLetter() throws Exception {
        ElasticMq.Queues queues = elasticMq.queues(false);
        String target = elasticMq.plainQueue("named-target");
        elasticMq.send(queues.deadLetter(), "one", "asset.failed");
        elasticMq.send(queues.deadLetter(), "two", "asset.failed");

        Run run = run(against(queues, "replay-all", "--to=" + target, "--json"));

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        for (String line : run.lines()) {
            JsonNode replay = JSON.readTree(line);
            assertThat(replay.get("to").asText()).isEqualTo(target);
            assertThat(replay.get("removed").asBoolean()).isTrue();
            assertThat(replay.get("newMessageId").asText()).isNotBlank();
        }
        assertThat(run.err()).contains("2 dead letter(s) replayed");
        assertThat(elasticMq.receiveAll(target)).extracting(Message::body).containsExactlyInAnyOrder("one", "two");
        assertThat(elasticMq.counts(queues.deadLetter())).containsExactly(0, 0);
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        assertThat(run("list").status()).isEqualTo(2);
        assertThat(run("list").err()).contains("--aws-queue DLQ_URL is required").contains("usage:");
        assertThat(run("show", "--aws-queue", "q").err()).contains("show needs one message id");
        assertThat(run("purge", "--aws-queue", "q").err()).contains("unknown command purge");
        assertThat(run("list", "--aws-queue", "q", "--colour").err()).contains("unknown option --colour");
        assertThat(run("list", "--aws-queue").err()).contains("--aws-queue needs a value");
        assertThat(run("list", "--aws-queue", "q", "--limit", "many").status()).isEqualTo(2);
    }

    @Test
    void aFailureFromSqsExitsWithOneAndSaysWhy() {
        Run run = run("list", "--aws-queue", elasticMq.endpoint + "/000000000000/no-such-queue",
                "--endpoint", elasticMq.endpoint, "--region", "eu-west-1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("SQS: ");
    }

    @Test
    void theRegionIsTheFlagElseTheOneInTheQueueUrl() {
        assertThat(SqsDeadLetterCli.region(null, "https://sqs.ap-southeast-2.amazonaws.com/123456789012/dlq"))
                .isEqualTo(Region.AP_SOUTHEAST_2);
        assertThat(SqsDeadLetterCli.region("eu-central-1", "https://sqs.ap-southeast-2.amazonaws.com/123456789012/dlq"))
                .isEqualTo(Region.EU_CENTRAL_1);
    }
}
