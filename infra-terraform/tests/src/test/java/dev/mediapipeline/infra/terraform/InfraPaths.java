package dev.mediapipeline.infra.terraform;

import java.nio.file.Path;

/** Where the Terraform sources are and where the checks may write (target/, never the source tree). */
final class InfraPaths {

    private InfraPaths() {
    }

    static Path sources() {
        return Path.of(System.getProperty("infra.dir", "..")).toAbsolutePath().normalize();
    }

    static Path workDir() {
        return Path.of(System.getProperty("infra.workDir", "target/terraform")).toAbsolutePath().normalize();
    }
}
