package dev.mediapipeline.fn.pollusage.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built poll-usage-gcp.zip: the jar for GcfJarLauncher, this function's main class, no AWS library. */
class PollUsageArtifactIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("poll-usage-gcp", PollUsageCloudFunction.class);

        System.out.println("poll-usage-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }
}
