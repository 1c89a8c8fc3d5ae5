package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Function killed mid-work" from the fault table: a runner is killed with SIGKILL while it makes thumbnails
 * (no shutdown hook runs; its PostgreSQL is orphaned, its ledger lease stays taken). A new runner on the same
 * data directory must finish the job: one asset, READY, one set of renditions.
 */
class RunnerCrashRecoveryTest {

    @TempDir
    Path dataDir;

    private final List<Process> runners = new ArrayList<>();

    @AfterEach
    void stopRunners() throws InterruptedException {
        for (Process runner : runners) {
            runner.destroy();
            if (!runner.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
        }
    }

    @Test
    void aRunnerKilledWhileMakingThumbnailsLeavesWorkThatTheNextRunnerFinishes() throws Exception {
        int port = LocalPipelineTest.freePort();
        Process first = startRunner(port, "slow-thumbnails", "first.log");
        RunnerClient client = awaitReady(port, first);

        byte[] bytes = Files.readAllBytes(RunnerClient.FIXTURES.resolve("logo-alpha.png"));
        JsonNode signed = client.sign("products", "logo.png", "image/png", bytes.length).body();
        assertThat(client.upload(signed, bytes).status()).isEqualTo(201);
        awaitFile(dataDir.resolve(SlowThumbnailsForCrashTests.STARTED_MARKER), first);
        String assetId = signed.get("assetId").asText();
        assertThat(client.get("/assets/" + assetId).body().get("status").asText()).isEqualTo("PROCESSING");

        first.destroyForcibly().waitFor();

        Process second = startRunner(port, "default", "second.log");
        RunnerClient restarted = awaitReady(port, second);
        JsonNode asset = restarted.awaitSettled(assetId, Duration.ofSeconds(30));

        assertThat(asset.get("status").asText()).isEqualTo("READY");
        assertThat(asset.get("renditions")).hasSize(3);
        JsonNode health = restarted.get("/health").body();
        assertThat(health.at("/queues/make-thumbnail/pending").asInt()).isZero();
        assertThat(health.at("/queues/make-thumbnail/deadLetters").asInt()).isZero();
    }

    private Process startRunner(int port, String profile, String logName) throws IOException {
        Files.deleteIfExists(dataDir.resolve(LocalPipeline.DEV_TOKEN_FILE));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                LocalRunnerApplication.class.getName(),
                "--server.port=" + port,
                "--media.public-base-url=http://localhost:" + port,
                "--media.local.data-dir=" + dataDir,
                "--media.local.bus.initial-backoff=100ms",
                "--spring.profiles.active=" + profile)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(logName).toFile());
        Process process = builder.start();
        runners.add(process);
        return process;
    }

    private RunnerClient awaitReady(int port, Process runner) throws Exception {
        Path token = dataDir.resolve(LocalPipeline.DEV_TOKEN_FILE);
        awaitFile(token, runner);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        return new RunnerClient("http://localhost:" + port, Files.readString(token));
    }

    private void awaitFile(Path file, Process runner) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(file) || Files.size(file) == 0) {
            if (!runner.isAlive()) {
                throw new AssertionError("the runner exited with " + runner.exitValue() + "; see its log in " + dataDir);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file.getFileName() + " did not appear within 90 s; see the runner log in " + dataDir);
            }
            Thread.sleep(50);
        }
    }
}
