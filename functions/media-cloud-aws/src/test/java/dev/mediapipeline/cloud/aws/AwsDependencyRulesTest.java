package dev.mediapipeline.cloud.aws;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS adapters must not drag a Google SDK into an AWS deployable (DESIGN.md: one deployable per cloud). */
class AwsDependencyRulesTest {

    private static final String RUNTIME = "dev.mediapipeline.cloud.aws.runtime..";

    private final JavaClasses adapters = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mediapipeline.cloud.aws");

    @Test
    void noAdapterUsesAGoogleLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.google..", "io.grpc..", "io.cloudevents..")
                .because("media-cloud-aws goes into AWS deployables only")
                .check(adapters);
    }

    @Test
    void noAdapterUsesSpring() {
        noClasses().that().resideOutsideOfPackage(RUNTIME)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("the adapters are plain classes; only the deployables' wiring (the runtime package) is Spring")
                .check(adapters);
    }

    @Test
    void noAdapterDependsOnTheDeployablesWiring() {
        noClasses().that().resideOutsideOfPackage(RUNTIME)
                .should().dependOnClassesThat().resideInAPackage(RUNTIME)
                .because("the wiring uses the adapters, never the other way round")
                .check(adapters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.google.cloud.storage.Storage", "com.google.cloud.pubsub.v1.Publisher",
            "com.google.auth.oauth2.GoogleCredentials"})
    void noGoogleSdkIsOnTheClasspath(String googleClass) {
        assertThatThrownBy(() -> Class.forName(googleClass)).isInstanceOf(ClassNotFoundException.class);
    }
}
