package dev.mediapipeline.fn.cleanupassets.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.Seeds;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clean-up-assets through FunctionInvoker, fed the EventBridge Scheduler and EventBridge rule samples, against
 * S3Mock and embedded PostgreSQL: either way it is the nightly run, which deletes.
 */
class CleanUpAssetsLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalAws aws;
    private static CatalogRows rows;
    private static LambdaEntryPoint lambda;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        rows = new CatalogRows(aws.dataSource());
        lambda = LambdaEntryPoint.start(CleanUpAssetsLambda.class, "clean-up-assets", aws.settings(false));
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void theSchedulersRunDeletesAnOrphansOriginalAndRow() throws Exception {
        assertOrphanDeletedBy("scheduler-clean-up-assets.json");
    }

    @Test
    void anEventBridgeRuleFiringIsTheNightlyRunToo() throws Exception {
        assertOrphanDeletedBy("eventbridge-scheduled-event.json");
    }

    private static void assertOrphanDeletedBy(String sample) throws Exception {
        Seeds.forEvent(aws, EventFiles.read("aws", sample));
        String orphanKey = rows.text("SELECT object_key FROM assets WHERE status = 'READY' ORDER BY created_at LIMIT 1");

        JsonNode report = JSON.readTree(lambda.invoke(EventFiles.read("aws", sample)));

        assertThat(report.path("triggeredBy").asText()).isEqualTo("schedule");
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("deleted").asInt()).isEqualTo(1);
        assertThat(aws.s3().listObjectsV2(request -> request.bucket(LocalAws.ORIGINALS_BUCKET).prefix(orphanKey))
                .contents()).isEmpty();
        assertThat(rows.count("SELECT count(*) FROM assets WHERE object_key = ? AND status <> 'DELETED'", orphanKey))
                .isZero();
    }
}
