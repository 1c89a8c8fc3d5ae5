package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS stack wires every function to the trigger, schedule and dead letter the deployment contract names. */
class AwsStackTest {

    private TerraformDirectory stack;

    @BeforeEach
    void parse() {
        stack = InfraTree.get().stack("aws");
    }

    @Test
    void everyFunctionIsTheFunctionModuleWithTheContractsMainClassAndBean() {
        for (FunctionName function : FunctionName.ALL) {
            JsonNode module = stack.module(function.terraformName());

            assertThat(Hcl.text(module, "source")).isEqualTo("../modules/aws-function");
            assertThat(Hcl.text(module, "main_class")).isEqualTo(function.awsMainClass());
            assertThat(Hcl.text(module, "function_definition")).isEqualTo(function.bean() + "Lambda");
            assertThat(Hcl.text(module, "artifact_path")).isEqualTo("${local.artifacts[\"" + function.module() + "\"]}");
        }
        assertThat(stack.resources("aws_lambda_function")).as("Lambdas are made by the module only").isEmpty();
        assertThat(stack.locals().get("artifacts").asText()).contains("/functions/${name}/aws/target/${name}-aws.jar");
    }

    @Test
    void theHttpFunctionsHaveFunctionUrlsAndTheWebhookOneIsPublic() {
        JsonNode signUpload = stack.module("sign_upload").path("function_url");
        JsonNode verifyWebhook = stack.module("verify_webhook").path("function_url");

        assertThat(Hcl.text(signUpload, "authorization_type")).isEqualTo("${var.sign_upload_authorization}");
        assertThat(Hcl.text(signUpload, "cors_allowed_origins")).isEqualTo("${var.allowed_origins}");
        assertThat(Hcl.text(verifyWebhook, "authorization_type")).isEqualTo("NONE");
        assertThat(stack.variables().get("sign_upload_authorization").path("default").asText()).isEqualTo("NONE");
    }

    @ParameterizedTest
    @CsvSource({
            "apply_webhook_event, webhook_queue, apply-webhook-event",
            "make_thumbnail, make_thumbnail_queue, make-thumbnail",
            "extract_text, extract_text_queue, extract-text",
    })
    void queueFedFunctionsConsumeTheirOwnQueueWhoseVisibilityFollowsTheirTimeout(String function, String queue, String settingsKey) {
        JsonNode trigger = stack.module(function).path("sqs_trigger");
        JsonNode queueModule = stack.module(queue);

        assertThat(Hcl.text(trigger, "queue_arn")).isEqualTo("${module." + queue + ".queue_arn}");
        assertThat(Hcl.text(queueModule, "source")).isEqualTo("../modules/aws-queue-with-dead-letter");
        // Same expression on both sides: the queue's visibility is computed from this function's timeout.
        assertThat(Hcl.text(queueModule, "consumer_timeout_seconds"))
                .isEqualTo(Hcl.text(stack.module(function), "timeout_seconds"))
                .isEqualTo("${local.settings[\"" + settingsKey + "\"].timeout_seconds}");
        assertThat(queueModule.has("visibility_timeout_multiplier")).as("the module's default of 6 is kept").isFalse();
    }

    @Test
    void uploadsFanOutFromTheOriginalsPrefixThroughSnsToBothProcessingQueues() {
        JsonNode notification = Hcl.block(stack.resource("aws_s3_bucket_notification", "originals"), "topic");

        assertThat(Hcl.text(notification, "topic_arn")).isEqualTo("${aws_sns_topic.uploads.arn}");
        assertThat(Hcl.strings(notification.path("events"))).containsExactly("s3:ObjectCreated:*");
        assertThat(Hcl.text(notification, "filter_prefix")).isEqualTo("originals/");
        for (String queue : List.of("make_thumbnail_queue", "extract_text_queue")) {
            assertThat(Hcl.text(stack.module(queue).path("sns_subscriptions"), "uploads")).isEqualTo("${aws_sns_topic.uploads.arn}");
        }
    }

    @Test
    void schedulesRunPollUsageEveryQuarterHourAndCleanUpAtTwoUtc() {
        JsonNode pollUsage = stack.module("poll_usage_schedule");
        JsonNode cleanUp = stack.module("clean_up_assets_schedule");

        assertThat(Hcl.text(pollUsage, "schedule_expression")).isEqualTo("rate(15 minutes)");
        assertThat(Hcl.text(pollUsage, "target_function_arn")).isEqualTo("${module.poll_usage.function_alias_arn}");
        assertThat(Hcl.text(cleanUp, "schedule_expression")).isEqualTo("cron(0 2 * * ? *)");
        assertThat(Hcl.text(cleanUp, "timezone")).isEqualTo("UTC");
        assertThat(Hcl.text(cleanUp, "target_function_arn")).isEqualTo("${module.clean_up_assets.function_alias_arn}");
        for (JsonNode schedule : List.of(pollUsage, cleanUp)) {
            assertThat(Hcl.text(schedule, "source")).isEqualTo("../modules/aws-schedule");
            assertThat(Hcl.text(schedule.path("dead_letter_queue"), "arn")).isEqualTo("${aws_sqs_queue.schedule_dead_letter.arn}");
        }
        for (String function : List.of("poll_usage", "clean_up_assets")) {
            assertThat(Hcl.text(stack.module(function).path("async_failure_destination"), "queue_arn"))
                    .as("failed scheduled runs of %s are kept", function)
                    .isEqualTo("${aws_sqs_queue.schedule_dead_letter.arn}");
        }
    }

    @Test
    void secretsReachFunctionsAsSecretsManagerArnsOnly() {
        for (FunctionName function : FunctionName.ALL) {
            JsonNode module = stack.module(function.terraformName());
            String environment = stack.withLocals(Hcl.text(module, "environment"));
            String secrets = stack.withLocals(module.path("secret_arns").toString());

            for (String secret : FunctionName.SECRET_KEYS.keySet()) {
                assertThat(environment).as("%s must not get %s as a plain variable", function, secret).doesNotContain(secret);
            }
            for (String secret : function.secrets()) {
                assertThat(secrets).as("%s reads %s from Secrets Manager", function, secret)
                        .containsPattern(secret + "\\W+(= )?\\W*aws_secretsmanager_secret\\.this\\[\\\\?\"" + FunctionName.SECRET_KEYS.get(secret) + "\\\\?\"]\\.arn");
            }
        }
    }

    @Test
    void secretValuesOnlyEnterSecretsManager() {
        for (Map.Entry<String, JsonNode> module : stack.modules().entrySet()) {
            if (!module.getKey().equals("database")) {
                assertThat(module.getValue().toString()).as("module %s", module.getKey())
                        .doesNotContain("var.database_password", "var.cloudinary_url", "var.jwt_secret");
            }
        }
    }

    @Test
    void everyFunctionGetsTheEnvironmentTheContractLists() {
        for (FunctionName function : FunctionName.ALL) {
            String environment = stack.withLocals(Hcl.text(stack.module(function.terraformName()), "environment"));

            for (String variable : function.awsEnvironment()) {
                assertThat(environment).as("environment of %s", function).contains(variable);
            }
        }
    }

    @Test
    void oneAllowedOriginsListFeedsBucketCorsFunctionUrlCorsAndTheSignerSetting() {
        assertThat(Hcl.text(stack.module("originals_bucket"), "cors_allowed_origins")).isEqualTo("${var.allowed_origins}");
        assertThat(Hcl.text(stack.module("sign_upload").path("function_url"), "cors_allowed_origins")).isEqualTo("${var.allowed_origins}");
        assertThat(Hcl.text(stack.module("sign_upload"), "environment"))
                .contains("MEDIA_UPLOAD_ALLOWED_ORIGINS = join(\",\", var.allowed_origins)");
    }

    @Test
    void originalsAreVersionedAndEveryBucketComesFromTheMediaBucketModule() {
        assertThat(stack.module("originals_bucket").path("versioning_enabled").asBoolean()).isTrue();
        for (String bucket : List.of("originals_bucket", "derived_bucket", "artifacts_bucket")) {
            assertThat(Hcl.text(stack.module(bucket), "source")).isEqualTo("../modules/aws-media-bucket");
        }
        assertThat(stack.resources("aws_s3_bucket")).as("buckets are made by the module only").isEmpty();
    }
}
