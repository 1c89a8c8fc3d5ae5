package dev.mediapipeline.fn.pollusage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.cloud.aws.testing.Seeds;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** poll-usage through FunctionInvoker, fed the EventBridge Scheduler sample, against S3Mock and embedded PostgreSQL. */
class PollUsageLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "scheduler-poll-usage.json";

    @RegisterExtension
    static final LocalDeployable function = LocalDeployable.of(PollUsageLambda.class, "poll-usage");

    private final LocalAws aws = function.aws();
    private final CatalogRows rows = function.rows();

    @Test
    void theBucketsBytesPerFolderAreReportedAndRecorded() throws Exception {
        Seeds.forEvent(aws, EventFiles.read("aws", SAMPLE));
        long fixtureBytes = Seeds.fixture("rotated-exif-6.jpg").length;

        JsonNode report = JSON.readTree(function.invoke(EventFiles.read("aws", SAMPLE)));

        assertThat(report.path("triggeredBy").asText()).isEqualTo("schedule:poll-usage");
        assertThat(report.path("provider").path("status").asText()).isEqualTo("off");
        assertThat(report.path("storage").toString()).contains("originals/products")
                .contains(Long.toString(fixtureBytes));
        assertThat(rows.count("SELECT count(*) FROM usage_samples WHERE resource LIKE ?", "%originals/products%"))
                .isPositive();
    }
}
