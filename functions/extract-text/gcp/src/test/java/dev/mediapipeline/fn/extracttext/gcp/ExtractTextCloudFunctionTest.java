package dev.mediapipeline.fn.extracttext.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
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
 * extract-text's deployable behind the Functions Framework, both ways it can be deployed: as an event function fed
 * {@code events/gcp/pubsub-cloudevent-storage-notification.json} (the originals bucket's notification for a PDF,
 * delivered by Eventarc), and as the HTTP function the Terraform stack deploys, called by the notification topic's
 * push subscription with {@code events/gcp/http-pubsub-push-storage-notification.json} (another PDF). The PDFs have a
 * text layer, so no OCR is needed.
 */
class ExtractTextCloudFunctionTest {

    private static final String KEY = "originals/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7.pdf";
    private static final String PUSHED_KEY = "originals/documents/3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f.pdf";

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static FunctionsFrameworkServer pushed;
    private static AssetId asset;
    private static AssetId pushedAsset;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        asset = cloud.seedUpload(KEY, GcpTestEnvironment.fixture("text-10-pages.pdf"), "application/pdf");
        pushedAsset = cloud.seedUpload(PUSHED_KEY, GcpTestEnvironment.fixture("text-10-pages.pdf"), "application/pdf");
        function = FunctionsFrameworkServer.start(ExtractTextCloudFunction.class, "cloudevent", cloud.properties());
        pushed = FunctionsFrameworkServer.start(ExtractTextCloudFunction.class, "http", cloud.properties());
    }

    @AfterAll
    static void stop() throws Exception {
        FunctionsFrameworkServer.closeAll(pushed, function);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theNotifiedPdfsTextIsStoredIndexedAndAnnounced() throws Exception {
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "pubsub-cloudevent-storage-notification.json"))
                .statusCode()).isEqualTo(200);

        assertThat(cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/")).isNotEmpty()
                .anySatisfy(name -> assertThat(name).contains(asset.value().toString()));
        assertThat(new JdbcTextIndex(cloud.dataSource(), Clock.systemUTC()).find(asset)).isPresent();
        List<PubSubEmulatorProcess.Received> events = cloud.published(GcpTestEnvironment.EVENTS_SUBSCRIPTION,
                Duration.ofSeconds(10));
        assertThat(events).anySatisfy(event -> assertThat(event.attributes())
                .containsEntry("type", "asset.text-extracted").containsEntry("assetId", asset.value().toString()));
    }

    @Test
    void thePushedNotificationsPdfIsIndexedAndTheMessageAcknowledged() throws Exception {
        HttpRequestFile push = HttpRequestFile.parse(EventFiles.read("gcp", "http-pubsub-push-storage-notification.json"));

        assertThat(pushed.send(push).statusCode()).isEqualTo(200);

        assertThat(new JdbcTextIndex(cloud.dataSource(), Clock.systemUTC()).find(pushedAsset)).isPresent();
        assertThat(cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/"))
                .anySatisfy(name -> assertThat(name).contains(pushedAsset.value().toString()));
    }
}
