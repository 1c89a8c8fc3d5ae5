package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built apply-webhook-event-gcp.zip: the jar for GcfJarLauncher, this function's main class, no AWS library. */
class ApplyWebhookEventArtifactIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("apply-webhook-event-gcp", ApplyWebhookEventCloudFunction.class);

        System.out.println("apply-webhook-event-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }
}
