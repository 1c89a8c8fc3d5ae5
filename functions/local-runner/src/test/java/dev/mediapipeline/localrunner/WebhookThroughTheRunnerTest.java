package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cloudinary notifications through the runner's real routes: verified, queued, applied once; a fault that
 * outlasts the retries dead-letters the notification, and the admin replay applies it after the fix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebhookThroughTheRunnerTest {

    private static final Path DATA_DIR = temporaryDirectory();
    private static final int PORT = LocalPipelineTest.freePort();
    private static final Path SAMPLES = Path.of("../../events/cloudinary").toAbsolutePath().normalize();
    private static final Path SCRIPTS = Path.of("../../scripts").toAbsolutePath().normalize();
    private static final String SAMPLE_ASSET = "0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("media.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("media.local.data-dir", DATA_DIR::toString);
        registry.add("media.local.bus.initial-backoff", () -> "20ms");
    }

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunnerClient client;
    private String token;

    @BeforeEach
    void connect() throws IOException {
        token = Files.readString(DATA_DIR.resolve(LocalPipeline.DEV_TOKEN_FILE));
        client = new RunnerClient("http://localhost:" + PORT, token);
    }

    @Test
    void aSignedUploadNotificationIsAppliedOnceEvenWhenSentTwice() throws Exception {
        String assetId = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png")
                .get("assetId").asText();
        String body = sample("cloudinary-upload.json", assetId);

        assertThat(send(body, Instant.now(), secret()).statusCode()).isEqualTo(200);
        JsonNode copy = awaitProviderCopy(assetId);
        assertThat(send(body, Instant.now(), secret()).statusCode()).isEqualTo(200);

        assertThat(copy.get("publicId").asText()).isEqualTo("products/" + assetId);
        assertThat(copy.get("deleted").asBoolean()).isFalse();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM webhook_notifications WHERE body LIKE ?", Integer.class, "%" + assetId + "%"))
                .isEqualTo(1);
    }

    @Test
    void aForgedOrStaleNotificationIs401AndNothingIsQueued() throws Exception {
        String body = sample("cloudinary-upload.json", SAMPLE_ASSET);

        HttpResponse<String> forged = send(body, Instant.now(), "not-the-secret");
        HttpResponse<String> stale = send(body, Instant.now().minusSeconds(301), secret());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("bad-signature");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("stale-timestamp");
    }

    @Test
    void aNotificationThatFailsFiveTimesIsDeadLetteredAndAppliedOnceAfterTheReplay() throws Exception {
        String assetId = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png")
                .get("assetId").asText();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("ALTER TABLE provider_copies RENAME TO provider_copies_offline");
        JsonNode letter;
        try {
            assertThat(send(sample("cloudinary-upload.json", assetId), Instant.now(), secret()).statusCode()).isEqualTo(200);
            letter = awaitDeadLetter();
            assertThat(letter.get("attempts").asInt()).isEqualTo(5);
            assertThat(letter.get("lastError").asText()).contains("provider_copies");
        } finally {
            jdbc.execute("ALTER TABLE provider_copies_offline RENAME TO provider_copies");
        }

        String id = letter.get("id").asText();
        assertThat(replayDlq("list")).contains(id);
        assertThat(replayDlq("replay", "apply-webhook-event", id, "--dry-run")).contains("would replay");
        assertThat(admin("GET", "/admin/dead-letters").get("apply-webhook-event")).hasSize(1);
        assertThat(replayDlq("replay", "apply-webhook-event", id)).contains("replayed apply-webhook-event/" + id);

        assertThat(awaitProviderCopy(assetId).get("publicId").asText()).isEqualTo("products/" + assetId);
        assertThat(admin("GET", "/admin/dead-letters").get("apply-webhook-event")).isEmpty();
    }

    @Test
    void adminRoutesNeedTheAdminRole() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/admin/dead-letters"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Runs {@code scripts/replay-dlq} against this runner, as an operator would. */
    private String replayDlq(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", SCRIPTS.resolve("replay-dlq").toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PORT", Integer.toString(PORT));
        builder.environment().put("MEDIA_DATA_DIR", DATA_DIR.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private JsonNode awaitDeadLetter() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode letters = admin("GET", "/admin/dead-letters").get("apply-webhook-event");
            if (letters != null && !letters.isEmpty()) {
                return letters.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no dead letter within 15 s");
    }

    private JsonNode awaitProviderCopy(String assetId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode copies = client.get("/assets/" + assetId).body().get("providerCopies");
            if (!copies.isEmpty()) {
                return copies.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no provider copy recorded for " + assetId + " within 10 s");
    }

    private JsonNode admin(String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> send(String body, Instant timestamp, String secret) throws Exception {
        String ts = Long.toString(timestamp.getEpochSecond());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((body + ts + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/verify-webhook"))
                .header("Content-Type", "application/json")
                .header("X-Cld-Timestamp", ts)
                .header("X-Cld-Signature", HexFormat.of().formatHex(digest))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String name, String assetId) throws IOException {
        return Files.readString(SAMPLES.resolve(name)).replace(SAMPLE_ASSET, assetId);
    }

    private static String secret() throws IOException {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(DATA_DIR.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty(LocalDefaults.WEBHOOK_SECRET);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("local-runner-webhooks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
