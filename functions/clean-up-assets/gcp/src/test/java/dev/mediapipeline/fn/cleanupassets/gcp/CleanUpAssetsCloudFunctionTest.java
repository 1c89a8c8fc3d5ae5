package dev.mediapipeline.fn.cleanupassets.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clean-up-assets' deployable behind the Functions Framework (event signature), fed
 * {@code events/gcp/scheduler-cloudevent-clean-up-assets.json}: the nightly Cloud Scheduler job's message, delivered
 * by Eventarc. The job's body names the schedule and asks for a real run.
 */
class CleanUpAssetsCloudFunctionTest {

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        function = FunctionsFrameworkServer.start(CleanUpAssetsCloudFunction.class, "cloudevent", cloud.properties());
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theNightlyJobRecordsAScheduledRunThatDeletes() throws Exception {
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "scheduler-cloudevent-clean-up-assets.json"))
                .statusCode()).isEqualTo(200);

        Map<String, Object> run = JdbcClient.create(cloud.dataSource())
                .sql("SELECT triggered_by, dry_run, finished_at FROM cleanup_runs").query().singleRow();
        assertThat(run).containsEntry("triggered_by", "schedule").containsEntry("dry_run", false);
        assertThat(run.get("finished_at")).isNotNull();
    }
}
