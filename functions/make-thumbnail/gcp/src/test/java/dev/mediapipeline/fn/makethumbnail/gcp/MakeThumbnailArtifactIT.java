package dev.mediapipeline.fn.makethumbnail.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built make-thumbnail-gcp.zip: the jar for GcfJarLauncher, this function's main class, no AWS library. */
class MakeThumbnailArtifactIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("make-thumbnail-gcp", MakeThumbnailCloudFunction.class);

        System.out.println("make-thumbnail-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }
}
