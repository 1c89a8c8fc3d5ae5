package dev.mediapipeline.infra.terraform;

import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terraform binary's own checks. validate needs the AWS provider, which comes from the machine image's
 * mirror (the registry is not reachable); there is no Google provider mirror, so the GCP stack is covered by
 * fmt and the structural tests only.
 */
class TerraformCliTest {

    private static TerraformWorkspace workspace;

    @Test
    void everyFileIsFormattedTheCanonicalWay() {
        Path terraform = terraform();

        CommandResult fmt = Commands.run(
                List.of(terraform.toString(), "fmt", "-check", "-recursive", "-diff", "-no-color", InfraPaths.sources().toString()),
                InfraPaths.sources(), Map.of("CHECKPOINT_DISABLE", "1"), Duration.ofMinutes(1));

        assertThat(fmt.succeeded())
                .as("terraform fmt -check -recursive infra-terraform (run terraform fmt -recursive infra-terraform):%n%s", fmt.output())
                .isTrue();
    }

    /**
     * The stack calls every AWS module (rds through module "database"), and validate checks a called module's
     * whole configuration, so the stack plus each module's example covers the modules without validating each
     * one alone (every run loads the 700 MB provider, which is what makes validate slow).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "aws",
            "modules/aws-function/examples/sqs-triggered",
            "modules/aws-media-bucket/examples/uploads",
            "modules/aws-queue-with-dead-letter/examples/sns-fan-out",
            "modules/aws-schedule/examples/nightly",
    })
    void awsConfigurationIsValid(String directory) {
        CommandResult validate = workspace().initAndValidate(directory);

        assertThat(validate.output()).as("terraform init + validate in %s", directory).contains("The configuration is valid");
        assertThat(validate.succeeded()).isTrue();
    }

    private static synchronized TerraformWorkspace workspace() {
        Path terraform = terraform();
        Optional<Path> mirror = ProviderMirror.withAwsProvider();
        RequiredTools.assumeAvailable(mirror.isPresent(),
                "no provider mirror with " + ProviderMirror.AWS_PROVIDER + " in " + ProviderMirror.searched()
                        + " (set TF_PROVIDER_MIRROR to one); terraform validate needs the provider and the registry is not reachable");
        if (workspace == null) {
            workspace = TerraformWorkspace.copyOf(InfraPaths.sources(), InfraPaths.workDir(), terraform, mirror.get());
        }
        return workspace;
    }

    private static Path terraform() {
        Optional<Path> terraform = Commands.onPath("terraform");
        RequiredTools.assumeAvailable(terraform.isPresent(), "terraform is not on the PATH");
        return terraform.get();
    }
}
