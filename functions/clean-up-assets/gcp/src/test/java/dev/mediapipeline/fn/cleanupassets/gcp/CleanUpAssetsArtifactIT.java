package dev.mediapipeline.fn.cleanupassets.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built clean-up-assets-gcp.zip: the jar for GcfJarLauncher, this function's main class, no AWS library. */
class CleanUpAssetsArtifactIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("clean-up-assets-gcp", CleanUpAssetsCloudFunction.class);

        System.out.println("clean-up-assets-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }
}
