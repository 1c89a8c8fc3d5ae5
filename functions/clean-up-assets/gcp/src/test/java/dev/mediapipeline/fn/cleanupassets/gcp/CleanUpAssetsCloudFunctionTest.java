package dev.mediapipeline.fn.cleanupassets.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clean-up-assets' deployable behind the Functions Framework, both ways it can be deployed: as an event function fed
 * {@code events/gcp/scheduler-cloudevent-clean-up-assets.json} (the nightly Cloud Scheduler job's message, delivered
 * by Eventarc), and as the HTTP function the Terraform stack deploys, called by the schedule topic's push
 * subscription with {@code events/gcp/http-pubsub-push-scheduler-clean-up-assets.json}. The job's body names the
 * schedule and asks for a real run. Each test adds a run and checks the newest.
 */
class CleanUpAssetsCloudFunctionTest {

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static FunctionsFrameworkServer pushed;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        function = FunctionsFrameworkServer.start(CleanUpAssetsCloudFunction.class, "cloudevent", cloud.properties());
        pushed = FunctionsFrameworkServer.start(CleanUpAssetsCloudFunction.class, "http", cloud.properties());
    }

    @AfterAll
    static void stop() throws Exception {
        FunctionsFrameworkServer.closeAll(pushed, function);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theNightlyJobRecordsAScheduledRunThatDeletes() throws Exception {
        long runsBefore = runs();
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "scheduler-cloudevent-clean-up-assets.json"))
                .statusCode()).isEqualTo(200);

        assertANewFinishedScheduledRealRun(runsBefore);
    }

    @Test
    void thePushedNightlyTickRecordsAFinishedRealRun() throws Exception {
        HttpRequestFile push = HttpRequestFile.parse(EventFiles.read("gcp",
                "http-pubsub-push-scheduler-clean-up-assets.json"));
        long runsBefore = runs();

        assertThat(pushed.send(push).statusCode()).isEqualTo(200);

        assertANewFinishedScheduledRealRun(runsBefore);
    }

    @Test
    void aCallerThatNamesItselfGetsADryRunRecordedUnderItsOwnName() throws Exception {
        long runsBefore = runs();

        assertThat(pushed.send(pushOf("{\"triggeredBy\":\"alice\"}")).statusCode()).isEqualTo(200);

        assertThat(runs()).isEqualTo(runsBefore + 1);
        assertThat(newestRun()).containsEntry("triggered_by", "alice").containsEntry("dry_run", true);
    }

    @Test
    void anUnclearDryRunIsAcknowledgedAndStartsNoRun() throws Exception {
        long runsBefore = runs();

        var response = pushed.send(pushOf("{\"triggeredBy\":\"schedule\",\"dryRun\":\"yes\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("acknowledged-unhandleable");
        assertThat(runs()).isEqualTo(runsBefore);
    }

    /** The push sample with its message's data replaced by {@code data}. */
    private static HttpRequestFile pushOf(String data) throws Exception {
        HttpRequestFile sample = HttpRequestFile.parse(EventFiles.read("gcp",
                "http-pubsub-push-scheduler-clean-up-assets.json"));
        String encoded = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        String body = sample.bodyText().replace("eyJkcnlSdW4iOmZhbHNlLCJ0cmlnZ2VyZWRCeSI6InNjaGVkdWxlIn0=", encoded);
        assertThat(body).contains(encoded);
        return new HttpRequestFile(sample.method(), sample.path(), sample.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> newestRun() {
        return JdbcClient.create(cloud.dataSource())
                .sql("SELECT triggered_by, dry_run, finished_at FROM cleanup_runs ORDER BY started_at DESC LIMIT 1")
                .query().singleRow();
    }

    private static void assertANewFinishedScheduledRealRun(long runsBefore) {
        assertThat(runs()).isEqualTo(runsBefore + 1);
        Map<String, Object> run = newestRun();
        assertThat(run).containsEntry("triggered_by", "schedule").containsEntry("dry_run", false);
        assertThat(run.get("finished_at")).isNotNull();
    }

    private static long runs() {
        return JdbcClient.create(cloud.dataSource()).sql("SELECT count(*) FROM cleanup_runs").query(Long.class).single();
    }
}
