package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CleanUpAssetsAdminFunctionTest {

    @TempDir
    Path bucket;

    private final ObjectMapper json = new ObjectMapper();
    private CleanupWorld world;
    private Tokens tokens;
    private CleanUpAssetsAdminFunction function;
    private AssetId orphan;

    @BeforeEach
    void setUp() {
        world = new CleanupWorld(bucket);
        tokens = new Tokens(world.clock, json);
        function = new CleanUpAssetsAdminFunction(world.service(), tokens.jwt(), "admin", json);
        orphan = world.asset(AssetStatus.READY, Duration.ofDays(31));
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    private HttpFunctionResponse post(String authorization, String body) {
        return function.apply(Tokens.request("POST", "/admin/clean-up", authorization, "application/json", body));
    }

    private HttpFunctionResponse asAdmin(String body) {
        return post(tokens.bearer("olivia", "admin"), body);
    }

    private JsonNode body(HttpFunctionResponse response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void withoutExecute_itIsADryRun_namedAfterTheCaller_thatDeletesNothing() throws Exception {
        HttpFunctionResponse response = asAdmin("");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = body(response);
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("triggeredBy").asText()).isEqualTo("olivia");
        assertThat(report.at("/wouldDelete/0/assetId").asText()).isEqualTo(orphan.toString());
        assertThat(report.at("/wouldDelete/0/reason").asText()).isEqualTo("unused");
        assertThat(report.at("/wouldDelete/0/bytes").asLong()).isEqualTo(1400);
        assertThat(world.status(orphan)).contains(AssetStatus.READY);
    }

    @Test
    void theManualSample_isADryRunNamedOpsManual() throws Exception {
        String sample = java.nio.file.Files.readString(
                Path.of("../../events/local/local-clean-up-manual.json").toAbsolutePath().normalize());

        JsonNode report = body(asAdmin(sample));

        assertThat(report.get("triggeredBy").asText()).isEqualTo("ops/manual");
        assertThat(report.get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void executeTrue_deletes_andAnswersTheReportInItsDocumentedShape() throws Exception {
        HttpFunctionResponse response = asAdmin("{\"execute\":true,\"triggeredBy\":\"ops/manual\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        JsonNode report = body(response);
        List<String> fields = new java.util.ArrayList<>();
        for (Iterator<String> names = report.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactly("runId", "triggeredBy", "dryRun", "startedAt", "scanned", "orphans",
                "deleted", "failed", "bytesFreed", "durationMs", "complete", "stoppedBy", "summary", "wouldDelete");
        assertThat(report.get("triggeredBy").asText()).isEqualTo("ops/manual");
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("deleted").asInt()).isEqualTo(1);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("failed").isArray()).isTrue();
        assertThat(world.status(orphan)).contains(AssetStatus.DELETED);
        assertThat(world.storedReport(java.util.UUID.fromString(report.get("runId").asText()), "triggeredBy"))
                .isEqualTo("ops/manual");
    }

    @Test
    void whileAnotherRunHoldsTheLock_itIs409WithTheReport_andDeletesNothing() throws Exception {
        try (CleanupLock.Lease elsewhere = new PostgresCleanupLock(world.database).tryAcquire().orElseThrow()) {
            HttpFunctionResponse response = asAdmin("{\"execute\":true}");

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
            assertThat(body(response).at("/report/stoppedBy").asText()).isEqualTo("another-run-in-progress");
            assertThat(body(response).at("/report/summary").asText()).contains("another run is in progress");
        }
        assertThat(world.status(orphan)).contains(AssetStatus.READY);
    }

    @Test
    void whenTheDatabaseIsGone_itIs503WithRetryAfterAndThePartialReport() throws Exception {
        world.connections.goAwayAfter(0);

        HttpFunctionResponse response = asAdmin("{\"execute\":true}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "60");
        assertThat(body(response).at("/report/stoppedBy").asText()).isEqualTo("database-unavailable");
    }

    @Test
    void noTokenIs401_andARoleOtherThanAdminIs403() throws Exception {
        HttpFunctionResponse anonymous = post(null, "{}");
        HttpFunctionResponse uploader = post(tokens.bearer("ulla", "uploader"), "{\"execute\":true}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers()).containsKey("WWW-Authenticate");
        assertThat(uploader.status()).isEqualTo(403);
        assertThat(body(uploader).at("/requiredRoles/0").asText()).isEqualTo("admin");
        assertThat(world.status(orphan)).contains(AssetStatus.READY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"execute\":\"yes\"}", "{\"triggeredBy\":42}", "{\"triggeredBy\":\"schedule\"}", "[true]",
            "{\"execute\":"})
    void aMalformedBodyIs400_andRunsNothing(String body) throws Exception {
        HttpFunctionResponse response = asAdmin(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).isNotBlank();
        assertThat(world.jdbc.sql("SELECT count(*) FROM cleanup_runs").query(Integer.class).single()).isZero();
    }

    @Test
    void otherMethodsAre405_andANonJsonBodyIs415() {
        assertThat(function.apply(Tokens.request("GET", "/admin/clean-up", tokens.bearer("olivia", "admin"), null, null))
                .status()).isEqualTo(405);
        assertThat(function.apply(Tokens.request("POST", "/admin/clean-up", tokens.bearer("olivia", "admin"),
                "text/plain", "execute=true")).status()).isEqualTo(415);
    }
}
