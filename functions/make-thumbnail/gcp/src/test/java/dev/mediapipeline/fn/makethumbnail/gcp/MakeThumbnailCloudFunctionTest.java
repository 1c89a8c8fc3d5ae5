package dev.mediapipeline.fn.makethumbnail.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.PubSubEmulatorProcess;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.testkit.media.TestImages;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * make-thumbnail's deployable behind the Functions Framework (event signature), fed the Eventarc CloudEvents and the
 * background payload in {@code events/gcp}: renditions land in the derived bucket, the catalog lists them and
 * {@code asset.enriched} reaches the events topic.
 */
class MakeThumbnailCloudFunctionTest {

    private static final String KEY = "originals/products/0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d.jpg";

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static AssetId asset;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        asset = cloud.seedUpload(KEY, TestImages.quadrantsJpeg(1600, 1200), "image/jpeg");
        function = FunctionsFrameworkServer.start(MakeThumbnailCloudFunction.class, "cloudevent", cloud.properties());
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
    void aFinalizedImageGetsItsRenditionsAndTheEnrichedEventIsPublished() throws Exception {
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "gcs-cloudevent-image-finalized.json")).statusCode())
                .isEqualTo(200);

        List<String> renditions = cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/");
        assertThat(renditions).hasSize(3).allSatisfy(name -> assertThat(name).contains(asset.value().toString()));
        assertThat(cloud.catalog().renditions(asset)).hasSize(3);
        List<PubSubEmulatorProcess.Received> events = cloud.published(GcpTestEnvironment.EVENTS_SUBSCRIPTION,
                Duration.ofSeconds(10));
        assertThat(events).anySatisfy(event -> {
            assertThat(event.attributes()).containsEntry("type", "asset.enriched")
                    .containsEntry("assetId", asset.value().toString());
            assertThat(event.text()).contains("https://storage.googleapis.com/" + GcpTestEnvironment.DERIVED_BUCKET
                    + "/derived/");
        });

        // The same write delivered again through the 1st-gen background path is a duplicate: nothing new is written.
        assertThat(function.postBackgroundEvent(EventFiles.read("gcp", "gcs-object-finalized.json"),
                "google.storage.object.finalize", "projects/_/buckets/media-prod-originals/objects/" + KEY)
                .statusCode()).isEqualTo(200);
        assertThat(cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/")).hasSize(3);
    }

    @Test
    void anObjectNoUploadAnnouncedIsAcknowledgedWithoutWork() throws Exception {
        assertThat(function.postCloudEvent(EventFiles.read("gcp", "gcs-cloudevent-object-finalized.json")).statusCode())
                .isEqualTo(200);

        assertThat(cloud.objectNames(GcpTestEnvironment.DERIVED_BUCKET, "derived/"))
                .noneMatch(name -> name.contains("summer"));
    }
}
