package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS stack planned for real, offline: fake keys, placeholder jars, no refresh. The plan shows the values
 * Terraform computes (visibility timeouts, counts, SnapStart on every version), not just the expressions.
 */
class AwsOfflinePlanTest {

    private static final String PROVIDER_OVERRIDE = """
            provider "aws" {
              access_key                  = "offline"
              secret_key                  = "offline"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
            }
            """;

    private static JsonNode plan;

    @BeforeAll
    static void planTheStack() throws IOException {
        Optional<Path> terraform = Commands.onPath("terraform");
        RequiredTools.assumeAvailable(terraform.isPresent(), "terraform is not on the PATH");
        Optional<Path> mirror = ProviderMirror.withAwsProvider();
        RequiredTools.assumeAvailable(mirror.isPresent(),
                "no provider mirror with " + ProviderMirror.AWS_PROVIDER + " in " + ProviderMirror.searched());
        Path workDir = InfraPaths.workDir().resolve("offline-plan");
        Path artifacts = placeholderJars(workDir.resolve("artifacts"));
        TerraformWorkspace workspace = TerraformWorkspace.copyOf(InfraPaths.sources(), workDir, terraform.get(), mirror.get());

        CommandResult shown = workspace.planOffline("aws", PROVIDER_OVERRIDE, """
                region          = "eu-west-1"
                name_prefix     = "media-test"
                bucket_names    = { originals = "media-test-originals", derived = "media-test-derived", artifacts = "media-test-artifacts" }
                allowed_origins = ["https://app.example.com"]
                database_url    = "jdbc:postgresql://db.example.com:5432/media"
                jwt_secret      = "only-this-secret-has-a-value"
                artifacts_dir   = "%s"
                """.formatted(artifacts.toString().replace("\\", "/")));

        assertThat(shown.succeeded()).as("offline plan of the AWS stack:%n%s", shown.output()).isTrue();
        plan = new ObjectMapper().readTree(shown.output().substring(shown.output().indexOf('{')));
    }

    @Test
    void everyFunctionIsAJava21LambdaWithSnapStartAnAliasAndALogGroupKeptThirtyDays() {
        List<JsonNode> lambdas = planned("aws_lambda_function");

        assertThat(lambdas).hasSize(FunctionName.ALL.size());
        for (JsonNode lambda : lambdas) {
            assertThat(lambda.path("runtime").asText()).isEqualTo("java21");
            assertThat(lambda.path("snap_start").get(0).path("apply_on").asText()).isEqualTo("PublishedVersions");
            assertThat(lambda.path("publish").asBoolean()).isTrue();
        }
        assertThat(planned("aws_lambda_alias")).hasSize(FunctionName.ALL.size());
        assertThat(planned("aws_cloudwatch_log_group")).hasSize(FunctionName.ALL.size())
                .allSatisfy(group -> assertThat(group.path("retention_in_days").asInt()).isEqualTo(30));
    }

    @ParameterizedTest
    @CsvSource({
            "make_thumbnail_queue, make_thumbnail",
            "extract_text_queue, extract_text",
            "webhook_queue, apply_webhook_event",
    })
    void eachWorkQueueStaysInvisibleSixTimesItsConsumersTimeout(String queue, String function) {
        int timeout = resource("module." + function + ".aws_lambda_function.this").path("timeout").asInt();
        JsonNode work = resource("module." + queue + ".aws_sqs_queue.this");
        JsonNode deadLetter = resource("module." + queue + ".aws_sqs_queue.dead_letter");

        assertThat(timeout).isPositive();
        assertThat(work.path("visibility_timeout_seconds").asInt()).isEqualTo(6 * timeout);
        assertThat(deadLetter.path("message_retention_seconds").asInt()).isEqualTo(1_209_600);
    }

    @Test
    void queueTriggersReportBatchItemFailuresAndHttpFunctionsHaveUrls() {
        assertThat(planned("aws_lambda_event_source_mapping")).hasSize(3).allSatisfy(mapping ->
                assertThat(mapping.path("function_response_types").toString()).isEqualTo("[\"ReportBatchItemFailures\"]"));
        assertThat(planned("aws_lambda_function_url")).hasSize(2);
        assertThat(changes("terraform_data")).extracting(change -> change.path("address").asText()).containsExactlyInAnyOrder(
                "module.sign_upload.terraform_data.public_url_invoke[0]", "module.verify_webhook.terraform_data.public_url_invoke[0]");
        assertThat(resource("module.verify_webhook.aws_lambda_function_url.this[0]").path("authorization_type").asText()).isEqualTo("NONE");
        assertThat(resource("module.sign_upload.aws_lambda_function_url.this[0]").path("cors").get(0).path("allow_origins").toString())
                .isEqualTo("[\"https://app.example.com\"]");
    }

    @Test
    void schedulesFireEveryQuarterHourAndAtTwoUtc() {
        assertThat(planned("aws_scheduler_schedule"))
                .extracting(schedule -> schedule.path("schedule_expression").asText() + " " + schedule.path("schedule_expression_timezone").asText())
                .containsExactlyInAnyOrder("rate(15 minutes) UTC", "cron(0 2 * * ? *) UTC");
    }

    @Test
    void bucketsBlockPublicAccessAndOnlyTheOriginalsAreVersioned() {
        assertThat(planned("aws_s3_bucket_public_access_block")).hasSize(3).allSatisfy(block -> {
            for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
            }
        });
        for (String bucket : List.of("originals_bucket", "derived_bucket", "artifacts_bucket")) {
            JsonNode versioning = resource("module." + bucket + ".aws_s3_bucket_versioning.this");
            assertThat(versioning.path("versioning_configuration").get(0).path("status").asText())
                    .as("versioning of %s", bucket)
                    .isEqualTo(bucket.equals("originals_bucket") ? "Enabled" : "Disabled");
        }
    }

    @Test
    void onlyTheSecretsGivenAValueGetAVersionAndItsValueStaysSensitive() {
        List<JsonNode> versions = changes("aws_secretsmanager_secret_version");

        assertThat(planned("aws_secretsmanager_secret")).hasSize(3);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).path("address").asText()).isEqualTo("aws_secretsmanager_secret_version.this[\"jwt_secret\"]");
        assertThat(versions.get(0).path("change").path("after_sensitive").path("secret_string").asBoolean()).isTrue();
    }

    private static List<JsonNode> planned(String type) {
        return changes(type).stream().map(change -> change.path("change").path("after")).toList();
    }

    private static List<JsonNode> changes(String type) {
        List<JsonNode> changes = new ArrayList<>();
        plan.path("resource_changes").forEach(change -> {
            if (change.path("type").asText().equals(type) && change.path("mode").asText().equals("managed")) {
                changes.add(change);
            }
        });
        return changes;
    }

    private static JsonNode resource(String address) {
        for (JsonNode change : plan.path("resource_changes")) {
            if (change.path("address").asText().equals(address)) {
                return change.path("change").path("after");
            }
        }
        throw new AssertionError("the plan has no " + address);
    }

    private static Path placeholderJars(Path root) throws IOException {
        for (FunctionName function : FunctionName.ALL) {
            Path jar = root.resolve("functions/" + function.module() + "/aws/target/" + function.module() + "-aws.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "placeholder for " + function.module());
        }
        return root;
    }
}
