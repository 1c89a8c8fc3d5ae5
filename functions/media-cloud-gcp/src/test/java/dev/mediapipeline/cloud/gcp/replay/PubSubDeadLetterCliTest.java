package dev.mediapipeline.cloud.gcp.replay;

import dev.mediapipeline.testkit.support.RequiredTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.pubsub.v1.PubsubMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PubSubDeadLetterCli} run as a user would, against the Pub/Sub emulator (skips without it, as documented). */
class PubSubDeadLetterCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PubSubEmulator emulator;
    private static String unavailable;

    @BeforeAll
    static void start() throws Exception {
        unavailable = PubSubEmulator.unavailableReason();
        if (unavailable == null) {
            emulator = PubSubEmulator.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static void requireEmulator() {
        RequiredTools.assumeAvailable(unavailable == null, unavailable);
    }

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String emulatorFromEnvironment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PubSubDeadLetterCli.run(args, emulatorFromEnvironment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] against(PubSubEmulator.Names names, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--gcp-subscription", names.deadLetterSubscription(),
                "--emulator-host", emulator.host, "--wait", "1", "--hold", "20")).toArray(String[]::new);
    }

    @Test
    void listPrintsATableOrJsonLinesAndCountsOnStandardError() throws Exception {
        requireEmulator();
        PubSubEmulator.Names names = emulator.names();
        emulator.failUntilDeadLettered(names, "{\"assetId\":\"a1\"}");
        String direct = emulator.publish(names.deadLetterTopic(), "plain\ntext", Map.of("type", "asset.failed"));

        Run table = run(null, against(names, "list"));
        Run json = run(null, against(names, "list", "--json"));

        assertThat(table.status()).isZero();
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().get(0)).startsWith("ID").contains("DELIVERIES", "DEAD-LETTERED", "SOURCE SUBSCRIPTION", "DATA");
        assertThat(table.out()).contains(direct, "plain text", "{\"assetId\":\"a1\"}", names.sourceSubscription());
        assertThat(table.err()).contains("2 dead letter(s) on " + names.deadLetterSubscription());
        List<JsonNode> letters = new ArrayList<>();
        for (String line : json.lines()) {
            letters.add(JSON.readTree(line));
        }
        assertThat(letters).hasSize(2);
        JsonNode redriven = letters.stream().filter(letter -> letter.has("sourceSubscription")).findFirst().orElseThrow();
        assertThat(redriven.get("data").asText()).isEqualTo("{\"assetId\":\"a1\"}");
        assertThat(redriven.get("deliveryAttempts").asInt()).isEqualTo(PubSubEmulator.MAX_DELIVERY_ATTEMPTS);
        assertThat(redriven.get("sourceSubscription").asText()).isEqualTo(names.sourceSubscription());
        assertThat(redriven.get("attributes").get("type").asText()).isEqualTo("asset.enriched");
        assertThat(redriven.get("publishTime").asText()).endsWith("Z");
    }

    @Test
    void showPrintsOneLetterAsJsonAndFailsForAnUnknownId() throws Exception {
        requireEmulator();
        PubSubEmulator.Names names = emulator.names();
        String id = emulator.publish(names.deadLetterTopic(), "{\"assetId\":\"a2\"}", Map.of());

        Run shown = run(null, against(names, "show", id));
        Run missing = run(null, against(names, "show", "no-such-id"));

        assertThat(shown.status()).isZero();
        JsonNode letter = JSON.readTree(shown.out());
        assertThat(letter.get("messageId").asText()).isEqualTo(id);
        assertThat(letter.get("data").asText()).isEqualTo("{\"assetId\":\"a2\"}");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no dead letter no-such-id");
    }

    @Test
    void replayDryRunFirstThenForRealPublishesTheLetterToTheSourceTopic() {
        requireEmulator();
        PubSubEmulator.Names names = emulator.names();
        String id = emulator.publish(names.deadLetterTopic(), "{\"assetId\":\"a3\"}", Map.of("type", "asset.failed"));

        Run dryRun = run(null, against(names, "replay", id, "--dry-run", "--to", names.sourceTopic()));
        assertThat(dryRun.status()).isZero();
        assertThat(dryRun.out()).contains("would replay " + id + " to " + names.sourceTopic());
        assertThat(emulator.drain(names.sourceSubscription())).isEmpty();

        Run replay = run(null, against(names, "replay", id, "--to=" + names.sourceTopic()));

        assertThat(replay.status()).isZero();
        assertThat(replay.out()).startsWith("replayed " + id + " to " + names.sourceTopic() + " as ");
        assertThat(emulator.drain(names.sourceSubscription())).extracting(message -> message.getData().toStringUtf8())
                .containsExactly("{\"assetId\":\"a3\"}");
        assertThat(emulator.drain(names.deadLetterSubscription())).isEmpty();
    }

    @Test
    void replayAllPrintsOneJsonLinePerLetterAndTakesTheEmulatorFromTheEnvironment() throws Exception {
        requireEmulator();
        PubSubEmulator.Names names = emulator.names();
        emulator.publish(names.deadLetterTopic(), "one", Map.of());
        emulator.publish(names.deadLetterTopic(), "two", Map.of());

        Run run = run(emulator.host, "replay-all", "--gcp-subscription", names.deadLetterSubscription(),
                "--to", names.sourceTopic(), "--json", "--wait", "1");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        for (String line : run.lines()) {
            JsonNode replay = JSON.readTree(line);
            assertThat(replay.get("to").asText()).isEqualTo(names.sourceTopic());
            assertThat(replay.get("acknowledged").asBoolean()).isTrue();
            assertThat(replay.get("newMessageId").asText()).isNotBlank();
        }
        assertThat(run.err()).contains("2 dead letter(s) replayed");
        assertThat(emulator.drain(names.sourceSubscription())).extracting(PubsubMessage::getData)
                .extracting(data -> data.toStringUtf8()).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aFailureFromPubSubExitsWithOneAndSaysWhy() {
        requireEmulator();
        PubSubEmulator.Names names = emulator.names();
        emulator.publish(names.deadLetterTopic(), "kept", Map.of());

        Run run = run(null, against(names, "replay-all", "--to", "projects/media-test/topics/no-such-topic"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("Pub/Sub: NOT_FOUND");
        assertThat(emulator.drain(names.deadLetterSubscription())).hasSize(1);
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        Run noSubscription = run(null, "list");
        assertThat(noSubscription.status()).isEqualTo(2);
        assertThat(noSubscription.err()).contains("--gcp-subscription projects/P/subscriptions/S is required")
                .contains("usage:");
        assertThat(run(null, "replay-all", "--gcp-subscription", "projects/p/subscriptions/s").err())
                .contains("replay-all needs --to projects/P/topics/T");
        assertThat(run(null, "replay", "--gcp-subscription", "projects/p/subscriptions/s", "--to", "projects/p/topics/t")
                .err()).contains("replay needs one message id");
        assertThat(run(null, "list", "1", "--gcp-subscription", "projects/p/subscriptions/s").err())
                .contains("list takes no message id");
        assertThat(run(null, "list", "--gcp-subscription", "projects/p/subscriptions/s", "--hold", "long").status())
                .isEqualTo(2);
        assertThat(run(null, "list", "--gcp-subscription", "projects/p/subscriptions/s", "--aws-queue", "q").err())
                .contains("unknown option --aws-queue");
    }
}
