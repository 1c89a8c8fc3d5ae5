package dev.mediapipeline.localrunner;

import com.sun.net.httpserver.HttpServer;
import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example page {@code scripts/upload-page/index.html} in headless Chromium, served from its own origin (so every
 * call to the runner is cross-origin and goes through CORS): it signs, posts the FormData to {@code /local-upload} and
 * reads the asset, as a user's browser would. The page's unattended mode uploads a PNG it draws itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class UploadPageInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path PAGE = Path.of("../../scripts/upload-page").toAbsolutePath().normalize();
    private static final Path DATA_DIR = temporaryDirectory("upload-page-runner");
    private static final int RUNNER_PORT = LocalPipelineTest.freePort();
    private static final HttpServer PAGE_SERVER = servePage();
    private static final String PAGE_ORIGIN = "http://localhost:" + PAGE_SERVER.getAddress().getPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> RUNNER_PORT);
        registry.add("media.public-base-url", () -> "http://localhost:" + RUNNER_PORT);
        registry.add("media.local.data-dir", DATA_DIR::toString);
        registry.add("media.local.schedules.enabled", () -> "false");
        registry.add("media.upload.allowed-origins", () -> PAGE_ORIGIN);
    }

    @AfterAll
    static void stopPageServer() {
        PAGE_SERVER.stop(0);
    }

    @Test
    void thePageSignsUploadsAndFollowsAnAssetFromAnotherOrigin() throws Exception {
        RequiredTools.assumeAvailable(Files.isExecutable(CHROMIUM),
                "the browser test needs Debian's chromium at " + CHROMIUM + " (apt-get install chromium)");
        String token = Files.readString(DATA_DIR.resolve(LocalPipeline.DEV_TOKEN_FILE)).trim();
        String url = PAGE_ORIGIN + "/index.html#runner=http://localhost:" + RUNNER_PORT + "&token=" + token + "&sample=1";

        String dom = dumpDom(url);

        assertThat(dom).contains("signed: asset").contains("target local").contains("uploaded: ");
        Matcher asset = Pattern.compile("signed: asset ([0-9a-f-]{36})").matcher(dom);
        assertThat(asset.find()).as(dom).isTrue();
        RunnerClient client = new RunnerClient("http://localhost:" + RUNNER_PORT, token);
        var settled = client.awaitSettled(asset.group(1), Duration.ofSeconds(20));
        assertThat(settled.get("status").asText()).isEqualTo("READY");
        assertThat(settled.get("filename").asText()).isEqualTo("sample.png");
        assertThat(settled.get("renditions")).isNotEmpty();
    }

    /** Runs the page until its network work is done (virtual time waits for it) and prints the resulting DOM. */
    private static String dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=30000", "--dump-dom", url))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = chromium.getInputStream().readAllBytes();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static HttpServer servePage() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = Files.readAllBytes(PAGE.resolve("index.html"));
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
