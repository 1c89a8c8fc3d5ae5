package dev.mediapipeline.fn.pollusage.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.testkit.media.TestImages;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * poll-usage's deployable behind the Functions Framework, both ways it can be deployed: as an event function fed
 * {@code events/gcp/scheduler-poll-usage.json} (the Cloud Scheduler job's Pub/Sub message as a background function
 * receives it), and as the HTTP function the Terraform stack deploys, called by the schedule topic's push
 * subscription with {@code events/gcp/http-pubsub-push-scheduler-poll-usage.json}. No Cloudinary account is
 * configured, so only the buckets are polled.
 */
class PollUsageCloudFunctionTest {

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static FunctionsFrameworkServer pushed;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        cloud.seedUpload("originals/products/0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d.jpg", TestImages.quadrantsJpeg(64, 48),
                "image/jpeg");
        function = FunctionsFrameworkServer.start(PollUsageCloudFunction.class, "event", cloud.properties());
        pushed = FunctionsFrameworkServer.start(PollUsageCloudFunction.class, "http", cloud.properties());
    }

    @AfterAll
    static void stop() throws Exception {
        FunctionsFrameworkServer.closeAll(pushed, function);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aSchedulerFiringRecordsTheBucketsBytesPerFolder() throws Exception {
        assertThat(function.postBackgroundEvent(EventFiles.read("gcp", "scheduler-poll-usage.json"),
                "google.pubsub.topic.publish", "projects/media-prod/topics/poll-usage-schedule").statusCode())
                .isEqualTo(200);

        assertThat(new JdbcUsageHistory(cloud.dataSource()).latest())
                .anySatisfy(sample -> assertThat(sample.toString()).contains("originals/products"));
    }

    @Test
    void aPushedSchedulerTickRecordsAnotherSampleOfTheBucketsBytes() throws Exception {
        HttpRequestFile push = HttpRequestFile.parse(EventFiles.read("gcp", "http-pubsub-push-scheduler-poll-usage.json"));
        long before = samples();

        assertThat(pushed.send(push).statusCode()).isEqualTo(200);

        assertThat(samples()).isGreaterThan(before);
        assertThat(new JdbcUsageHistory(cloud.dataSource()).latest())
                .anySatisfy(sample -> assertThat(sample.toString()).contains("originals/products"));
    }

    private static long samples() {
        return JdbcClient.create(cloud.dataSource()).sql("SELECT count(*) FROM usage_samples").query(Long.class).single();
    }
}
