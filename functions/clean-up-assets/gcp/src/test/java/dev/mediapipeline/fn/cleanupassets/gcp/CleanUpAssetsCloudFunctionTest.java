package dev.mediapipeline.fn.cleanupassets.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    private static void assertANewFinishedScheduledRealRun(long runsBefore) {
        assertThat(runs()).isEqualTo(runsBefore + 1);
        Map<String, Object> run = JdbcClient.create(cloud.dataSource())
                .sql("SELECT triggered_by, dry_run, finished_at FROM cleanup_runs ORDER BY started_at DESC LIMIT 1")
                .query().singleRow();
        assertThat(run).containsEntry("triggered_by", "schedule").containsEntry("dry_run", false);
        assertThat(run.get("finished_at")).isNotNull();
    }

    private static long runs() {
        return JdbcClient.create(cloud.dataSource()).sql("SELECT count(*) FROM cleanup_runs").query(Long.class).single();
    }
}
