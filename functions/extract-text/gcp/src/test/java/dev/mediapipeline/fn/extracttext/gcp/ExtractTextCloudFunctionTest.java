package dev.mediapipeline.fn.extracttext.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.PubSubEmulatorProcess;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.store.postgres.JdbcTextIndex;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * extract-text's deployable behind the Functions Framework (event signature), fed
 * {@code events/gcp/pubsub-cloudevent-storage-notification.json}: the originals bucket's notification for a PDF,
 * delivered by Eventarc. The PDF has a text layer, so no OCR is needed.
 */
class ExtractTextCloudFunctionTest {

    private static final String KEY = "originals/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7.pdf";

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static AssetId asset;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        asset = cloud.seedUpload(KEY, GcpTestEnvironment.fixture("text-10-pages.pdf"), "application/pdf");
        function = FunctionsFrameworkServer.start(ExtractTextCloudFunction.class, "cloudevent", cloud.properties());
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
    void theNotifiedPdfsTextIsStoredIndexedAndAnnounced() throws Exception {
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "pubsub-cloudevent-storage-notification.json"))
                .statusCode()).isEqualTo(200);

        assertThat(cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/")).isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains(asset.value().toString()));
        assertThat(new JdbcTextIndex(cloud.dataSource(), Clock.systemUTC()).find(asset)).isPresent();
        List<PubSubEmulatorProcess.Received> events = cloud.published(GcpTestEnvironment.EVENTS_SUBSCRIPTION,
                Duration.ofSeconds(10));
        assertThat(events).anySatisfy(event -> assertThat(event.attributes())
                .containsEntry("type", "asset.text-extracted").containsEntry("assetId", asset.value().toString()));
    }
}
