package dev.mediapipeline.cloud.gcp;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GCP adapters must not drag an AWS SDK into a Google Cloud deployable (DESIGN.md: one deployable per cloud). */
class GcpDependencyRulesTest {

    private final JavaClasses adapters = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mediapipeline.cloud.gcp");

    @Test
    void noAdapterUsesAnAwsLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .because("media-cloud-gcp goes into Google Cloud deployables only")
                .check(adapters);
    }

    @Test
    void noAdapterUsesSpring() {
        noClasses().that().resideOutsideOfPackage("dev.mediapipeline.cloud.gcp.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("the adapters are plain classes; only the deployables' wiring (package runtime) is Spring")
                .check(adapters);
    }

    @Test
    void theAdaptersDoNotDependOnTheirWiring() {
        noClasses().that().resideOutsideOfPackage("dev.mediapipeline.cloud.gcp.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mediapipeline.cloud.gcp.runtime..")
                .check(adapters);
    }

    @Test
    void noDeployableCodeUsesTheGrpcClients() {
        noClasses().that().resideInAnyPackage("dev.mediapipeline.cloud.gcp.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.cloud.pubsub..")
                .because("the deployables leave the gRPC stack out (Pub/Sub through REST, Storage through JSON)")
                .check(adapters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"software.amazon.awssdk.core.SdkClient", "software.amazon.awssdk.services.s3.S3Client",
            "com.amazonaws.services.lambda.runtime.events.S3Event"})
    void noAwsSdkIsOnTheClasspath(String awsClass) {
        assertThatThrownBy(() -> Class.forName(awsClass)).isInstanceOf(ClassNotFoundException.class);
    }
}
