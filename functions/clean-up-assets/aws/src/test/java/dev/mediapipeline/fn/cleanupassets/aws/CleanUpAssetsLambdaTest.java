package dev.mediapipeline.fn.cleanupassets.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.cloud.aws.testing.Seeds;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clean-up-assets through FunctionInvoker, fed the EventBridge Scheduler and EventBridge rule samples, against
 * S3Mock and embedded PostgreSQL: either way it is the nightly run, which deletes.
 */
class CleanUpAssetsLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalDeployable function = LocalDeployable.of(CleanUpAssetsLambda.class, "clean-up-assets");

    private final LocalAws aws = function.aws();
    private final CatalogRows rows = function.rows();

    @Test
    void theSchedulersRunDeletesAnOrphansOriginalAndRow() throws Exception {
        assertOrphanDeletedBy("scheduler-clean-up-assets.json");
    }

    @Test
    void anEventBridgeRuleFiringIsTheNightlyRunToo() throws Exception {
        assertOrphanDeletedBy("eventbridge-scheduled-event.json");
    }

    @Test
    void aCallerThatNamesItselfGetsADryRunUnderItsOwnName() throws Exception {
        String sample = EventFiles.read("aws", "scheduler-clean-up-assets.json");
        Seeds.forEvent(aws, sample);
        String orphanKey = oldestReadyKey();

        JsonNode report = JSON.readTree(function.invoke("{\"triggeredBy\":\"alice\"}"));

        assertThat(report.path("triggeredBy").asText()).isEqualTo("alice");
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertOrphanKept(orphanKey);
    }

    @Test
    void aDryRunGivenAsTextIsRejectedAndDeletesNothing() throws Exception {
        String sample = EventFiles.read("aws", "scheduler-clean-up-assets.json");
        Seeds.forEvent(aws, sample);
        String orphanKey = oldestReadyKey();

        JsonNode answer = JSON.readTree(function.invoke(sample.replace("\"dryRun\": false", "\"dryRun\": \"true\"")));

        assertThat(answer.path("outcome").asText()).isEqualTo("rejected");
        assertThat(answer.path("detail").asText()).contains("dryRun");
        assertOrphanKept(orphanKey);
    }

    private String oldestReadyKey() {
        return rows.text("SELECT object_key FROM assets WHERE status = 'READY' ORDER BY created_at LIMIT 1");
    }

    /** The orphan survived; the schedule's own run then deletes it, so later tests start with no orphan left. */
    private void assertOrphanKept(String orphanKey) {
        assertThat(aws.s3().listObjectsV2(request -> request.bucket(LocalAws.ORIGINALS_BUCKET).prefix(orphanKey))
                .contents()).isNotEmpty();
        assertThat(rows.count("SELECT count(*) FROM assets WHERE object_key = ? AND status <> 'DELETED'", orphanKey))
                .isOne();

        function.invoke(EventFiles.read("aws", "scheduler-clean-up-assets.json"));
        assertThat(rows.count("SELECT count(*) FROM assets WHERE object_key = ? AND status <> 'DELETED'", orphanKey))
                .isZero();
    }

    private void assertOrphanDeletedBy(String sample) throws Exception {
        Seeds.forEvent(aws, EventFiles.read("aws", sample));
        String orphanKey = rows.text(
                "SELECT object_key FROM assets WHERE status = 'READY' ORDER BY created_at LIMIT 1");

        JsonNode report = JSON.readTree(function.invoke(EventFiles.read("aws", sample)));

        assertThat(report.path("triggeredBy").asText()).isEqualTo("schedule");
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("deleted").asInt()).isEqualTo(1);
        assertThat(aws.s3().listObjectsV2(request -> request.bucket(LocalAws.ORIGINALS_BUCKET).prefix(orphanKey))
                .contents()).isEmpty();
        assertThat(rows.count("SELECT count(*) FROM assets WHERE object_key = ? AND status <> 'DELETED'", orphanKey))
                .isZero();
    }
}
