package dev.mediapipeline.fn.extracttext.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built extract-text-gcp.zip: the jar for GcfJarLauncher, this function's main class, no AWS library. */
class ExtractTextArtifactIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("extract-text-gcp", ExtractTextCloudFunction.class);

        System.out.println("extract-text-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }
}
