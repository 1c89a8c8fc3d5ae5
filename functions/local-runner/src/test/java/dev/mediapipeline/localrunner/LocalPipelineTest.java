package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.BlobInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline in one process, driven over HTTP exactly like the README's walk-through. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LocalPipelineTest {

    private static final Path DATA_DIR = temporaryDirectory();
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("media.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("media.local.data-dir", DATA_DIR::toString);
        registry.add("media.local.bus.initial-backoff", () -> "50ms");
    }

    @Autowired
    LocalEventBus bus;
    @Autowired
    LocalBlobStore blobs;

    private RunnerClient client;

    @BeforeEach
    void connect() throws IOException {
        client = new RunnerClient("http://localhost:" + PORT, Files.readString(DATA_DIR.resolve(LocalPipeline.DEV_TOKEN_FILE)));
    }

    @Test
    void aTwelveMegapixelJpegBecomesReadyWithThreeRenditionsOfTheRightSizes() throws Exception {
        JsonNode asset = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("photo-12mp.jpg"), "image/jpeg");

        assertThat(asset.get("status").asText()).isEqualTo("READY");
        assertThat(asset.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(asset.get("failure").isNull()).isTrue();
        JsonNode renditions = asset.get("renditions");
        assertThat(renditions).hasSize(3);
        int[][] expected = {{1024, 768}, {512, 384}, {256, 192}};
        for (int i = 0; i < 3; i++) {
            JsonNode rendition = renditions.get(i);
            assertThat(rendition.get("width").asInt()).isEqualTo(expected[i][0]);
            assertThat(rendition.get("height").asInt()).isEqualTo(expected[i][1]);
            RunnerClient.Reply image = client.get(rendition.get("url").asText());
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.raw().body()));
            assertThat(decoded.getWidth()).isEqualTo(expected[i][0]);
            assertThat(decoded.getHeight()).isEqualTo(expected[i][1]);
            assertThat(rendition.get("bytes").asLong()).isEqualTo(image.raw().body().length);
        }
    }

    @Test
    void aSixMegabyteJpegIsRefusedAtSigningAndAgainAtUploadWhenTheClientLiesAboutItsSize() throws Exception {
        byte[] big = Files.readAllBytes(RunnerClient.FIXTURES.resolve("oversize-6mb.jpg"));
        assertThat(big.length).isGreaterThan(5 * 1024 * 1024);

        RunnerClient.Reply honest = client.sign("products", "big.jpg", "image/jpeg", big.length);
        assertThat(honest.status()).isEqualTo(413);
        assertThat(honest.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(honest.body().at("/allowed/image~1jpeg").asLong()).isEqualTo(5 * 1024 * 1024);

        RunnerClient.Reply lying = client.sign("products", "big.jpg", "image/jpeg", 400_000);
        assertThat(lying.status()).isEqualTo(200);
        RunnerClient.Reply upload = client.upload(lying.body(), big);
        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.body().get("detail").asText()).contains("400000");

        JsonNode asset = client.get("/assets/" + lying.body().get("assetId").asText()).body();
        assertThat(asset.get("status").asText()).isEqualTo("FAILED");
        assertThat(asset.at("/failure/reason").asText()).isEqualTo("too-large");
        assertThat(asset.get("uploadSizeCap").asLong()).as("the size that was signed").isEqualTo(400_000);
        assertThat(Instant.parse(asset.get("uploadExpiresAt").asText())).as("the signed expiry, as PostgreSQL keeps it")
                .isEqualTo(Instant.parse(lying.body().get("expiresAt").asText()).truncatedTo(ChronoUnit.MICROS));
        assertThat(blobs.stat(lying.body().at("/upload/fields/key").asText())).isEmpty();
    }

    @Test
    void anExecutableDeclaredAsJpegEndsFailedWithATypeReasonAndNoRenditions() throws Exception {
        JsonNode asset = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("not-an-image.jpg"), "image/jpeg");

        assertThat(asset.get("status").asText()).isEqualTo("FAILED");
        assertThat(asset.at("/failure/reason").asText()).isEqualTo("type");
        assertThat(asset.at("/failure/detail").asText()).contains("application/x-msdownload");
        assertThat(asset.get("renditions")).isEmpty();
    }

    @Test
    void theSameFinalizedEventDeliveredTenTimesLeavesOneAssetAndOneSetOfRenditions() throws Exception {
        JsonNode asset = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png");
        String assetId = asset.get("assetId").asText();
        String key = "originals/products/" + assetId + "/logo-alpha.png";
        BlobInfo original = blobs.stat(key).orElseThrow();
        StorageObjectEvent event = new StorageObjectEvent(blobs.bucket(), key, original.generation(), original.size(),
                original.contentType(), original.metadata(), original.updated());
        awaitQueuesDrained();
        long renditionObjectsBefore = blobs.list("derived/" + assetId + "/").size();

        for (int i = 0; i < 10; i++) {
            bus.publish(LocalRunnerConfiguration.STORAGE_FINALIZED, event);
        }
        awaitQueuesDrained();

        JsonNode after = client.get("/assets/" + assetId).body();
        assertThat(after.get("status").asText()).isEqualTo("READY");
        assertThat(after.get("renditions")).hasSize(asset.get("renditions").size());
        assertThat(blobs.list("derived/" + assetId + "/")).hasSize((int) renditionObjectsBefore);
        assertThat(after.get("updatedAt").asText()).isEqualTo(asset.get("updatedAt").asText());
    }

    @Test
    void anExpiredOrTamperedFormIsRefusedByTheStore() throws Exception {
        byte[] bytes = Files.readAllBytes(RunnerClient.FIXTURES.resolve("logo-alpha.png"));
        JsonNode signed = client.sign("products", "logo.png", "image/png", bytes.length).body();

        RunnerClient.Reply otherKey = client.upload(signed.get("upload"),
                fields -> fields.put("key", "originals/banners/evil.png"), bytes);
        RunnerClient.Reply badSignature = client.upload(signed.get("upload"),
                fields -> fields.put("signature", flipFirstDigit(fields.get("signature"))), bytes);

        RunnerClient.Reply empty = client.upload(signed, new byte[0]);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(otherKey.status()).isEqualTo(403);
        assertThat(badSignature.status()).isEqualTo(403);
        assertThat(badSignature.body().get("detail").asText()).contains("signature");
    }

    @Test
    void originalsAreServedAsAttachmentsAndRenditionsInline() throws Exception {
        JsonNode asset = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png");
        String assetId = asset.get("assetId").asText();

        RunnerClient.Reply original = client.get("/blobs/originals/products/" + assetId + "/logo-alpha.png");
        RunnerClient.Reply rendition = client.get(asset.at("/renditions/0/url").asText());

        assertThat(original.status()).isEqualTo(200);
        assertThat(original.raw().headers().firstValue("Content-Disposition")).contains("attachment");
        assertThat(original.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(rendition.raw().headers().firstValue("Content-Type")).contains("image/png");
        assertThat(rendition.raw().headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(client.get("/blobs/originals/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void healthReportsTheDatabaseAndTheQueues() throws Exception {
        RunnerClient.Reply health = client.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/queues/make-thumbnail/deadLetters").asInt()).isZero();
    }

    @Test
    void metricsCountQueueDeliveriesInPrometheusText() throws Exception {
        client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png");

        RunnerClient.Reply metrics = client.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(new String(metrics.raw().body(), java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("media_queue_deliveries_total\\{outcome=\"acknowledged\",subscriber=\"make-thumbnail\"} [1-9]");
    }

    @Test
    void pollUsageReportsBytesPerFolderAndSaysProviderUsageIsOff() throws Exception {
        client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png");
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + PORT + "/admin/poll-usage"))
                        .header("Authorization", "Bearer " + Files.readString(DATA_DIR.resolve(LocalPipeline.DEV_TOKEN_FILE)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(report.at("/provider/status").asText()).isEqualTo("off");
        JsonNode products = null;
        for (JsonNode folder : report.at("/storage/folders")) {
            if (folder.get("folder").asText().equals("originals/products")) {
                products = folder;
            }
        }
        assertThat(products).as("originals/products in %s", report.at("/storage/folders")).isNotNull();
        assertThat(products.get("bytes").asLong()).isPositive();
        assertThat(new String(client.get("/metrics").raw().body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("media_storage_bytes{folder=\"originals/products\"}");
        assertThat(client.get("/usage").body().get("latest")).isNotEmpty();
    }

    @Test
    void anAssociatedAssetSurvivesTheCleanUpPreviewAndTheRouteNeedsAToken() throws Exception {
        String assetId = client.uploadAndSettle("products", RunnerClient.FIXTURES.resolve("logo-alpha.png"), "image/png")
                .get("assetId").asText();
        String token = Files.readString(DATA_DIR.resolve(LocalPipeline.DEV_TOKEN_FILE));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        java.net.http.HttpResponse<String> associated = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + PORT + "/assets/" + assetId + "/associations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"product\",\"id\":\"42\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> preview = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + PORT + "/admin/clean-up"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"triggeredBy\":\"test\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + PORT + "/admin/clean-up"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(associated.statusCode()).as(associated.body()).isEqualTo(201);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(preview.body());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("triggeredBy").asText()).isEqualTo("test");
        assertThat(report.get("deleted").asInt()).isZero();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(client.get("/assets/" + assetId).body().get("status").asText()).isEqualTo("READY");
    }

    @Test
    void aTextPdfGetsPageOneThumbnailsAndSearchablePerPageText() throws Exception {
        JsonNode asset = client.uploadAndSettle("documents", RunnerClient.FIXTURES.resolve("text-10-pages.pdf"), "application/pdf");
        String assetId = asset.get("assetId").asText();
        assertThat(asset.get("status").asText()).isEqualTo("READY");
        assertThat(asset.get("renditions")).isNotEmpty();

        JsonNode text = awaitText(assetId);
        assertThat(text.get("pages")).hasSize(10);
        assertThat(text.at("/pages/0/source").asText()).isEqualTo("text-layer");
        String word = java.util.Arrays.stream(text.at("/pages/0/text").asText().split("\\W+"))
                .filter(w -> w.length() > 5).findFirst().orElseThrow();

        JsonNode found = client.get("/assets?q=" + word).body();
        assertThat(found.get("hits").findValuesAsText("assetId")).contains(assetId);
        assertThat(client.get("/assets?q=" + word + "&limit=0").status()).isEqualTo(400);
    }

    private JsonNode awaitText(String assetId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RunnerClient.Reply reply;
        do {
            reply = client.get("/assets/" + assetId + "/text");
            if (reply.status() == 200) {
                return reply.body();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no text for " + assetId + " within 20 s; last answer " + reply.status() + " " + reply.body());
    }

    @Test
    void anUnknownOrMalformedAssetIdIsAProblem() throws Exception {
        assertThat(client.get("/assets/not-a-uuid").status()).isEqualTo(400);
        assertThat(client.get("/assets/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    private static String flipFirstDigit(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    /** Every subscriber of the storage events (make-thumbnail, extract-text) has finished its messages. */
    private void awaitQueuesDrained() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!bus.pending("make-thumbnail").isEmpty() || !bus.pending("extract-text").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the storage-event queues did not drain: " + bus.pending("make-thumbnail")
                        + bus.pending("extract-text"));
            }
            Thread.sleep(20);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("local-runner-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBrowserPageOnAnAllowedOriginCanSignUploadAndReadTheAsset() throws Exception {
        String page = "http://localhost:8000";
        RunnerClient browser = client.fromOrigin(page);
        byte[] bytes = Files.readAllBytes(RunnerClient.FIXTURES.resolve("logo-alpha.png"));

        RunnerClient.Reply preflight = browser.preflight("/sign-upload", "POST", "authorization,content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.raw().headers().allValues("Access-Control-Allow-Origin")).containsExactly(page);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");

        RunnerClient.Reply signed = browser.sign("products", "logo.png", "image/png", bytes.length);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.raw().headers().allValues("Access-Control-Allow-Origin")).containsExactly(page);

        RunnerClient.Reply uploaded = browser.upload(signed.body(), bytes);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.raw().headers().allValues("Access-Control-Allow-Origin")).containsExactly(page);
        assertThat(browser.get("/assets/" + signed.body().get("assetId").asText()).raw().headers()
                .allValues("Access-Control-Allow-Origin")).containsExactly(page);
    }

    @Test
    void aPageOnAnyOtherOriginIsRefusedAtThePreflight() throws Exception {
        RunnerClient stranger = client.fromOrigin("https://evil.example");

        RunnerClient.Reply preflight = stranger.preflight("/sign-upload", "POST", "authorization,content-type");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.raw().headers().allValues("Access-Control-Allow-Origin")).isEmpty();
        assertThat(stranger.preflight("/local-upload", "POST", "content-type").status()).isEqualTo(403);
    }
}
