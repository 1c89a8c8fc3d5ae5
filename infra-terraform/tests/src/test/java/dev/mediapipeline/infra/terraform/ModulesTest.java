package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The modules hold the settings every instance inherits: dead letters, retries, SnapStart, log retention. */
class ModulesTest {

    private InfraTree tree;

    @BeforeEach
    void parse() {
        tree = InfraTree.get();
    }

    @Test
    void sqsQueuesDeadLetterAfterFiveReceivesAndStayInvisibleSixTimesTheConsumersTimeout() {
        TerraformDirectory queue = tree.module("aws-queue-with-dead-letter");
        JsonNode work = queue.resource("aws_sqs_queue", "this");
        JsonNode deadLetter = queue.resource("aws_sqs_queue", "dead_letter");

        assertThat(Hcl.text(work, "redrive_policy"))
                .contains("deadLetterTargetArn = aws_sqs_queue.dead_letter.arn", "maxReceiveCount     = var.max_receive_count");
        assertThat(queue.variables().get("max_receive_count").path("default").asInt()).isEqualTo(5);
        assertThat(Hcl.text(work, "visibility_timeout_seconds")).isEqualTo("${var.consumer_timeout_seconds * var.visibility_timeout_multiplier}");
        JsonNode multiplier = queue.variables().get("visibility_timeout_multiplier");
        assertThat(multiplier.path("default").asInt()).isEqualTo(6);
        assertThat(Hcl.text(Hcl.block(multiplier, "validation"), "condition")).isEqualTo("${var.visibility_timeout_multiplier >= 6}");
        assertThat(Hcl.text(deadLetter, "message_retention_seconds")).isEqualTo("${local.fourteen_days_seconds}");
        assertThat(queue.locals().get("fourteen_days_seconds").asInt()).isEqualTo(14 * 24 * 3600);
        assertThat(Hcl.text(queue.resource("aws_sns_topic_subscription", "this"), "raw_message_delivery"))
                .as("consumers decode the SNS envelope").isEqualTo("false");
    }

    @Test
    void pubSubSubscriptionsRetryFromTwoSecondsAndDeadLetterAfterFiveAttemptsIntoATopicWithItsOwnSubscription() {
        TerraformDirectory queue = tree.module("gcp-queue-with-dead-letter");
        JsonNode subscription = queue.resource("google_pubsub_subscription", "this");

        JsonNode retry = Hcl.block(subscription, "retry_policy");
        assertThat(Hcl.text(retry, "minimum_backoff")).isEqualTo("${var.minimum_backoff}");
        assertThat(queue.variables().get("minimum_backoff").path("default").asText()).isEqualTo("2s");
        assertThat(queue.variables().get("maximum_backoff").path("default").asText()).isEqualTo("16s");
        JsonNode deadLetterPolicy = Hcl.block(subscription, "dead_letter_policy");
        assertThat(Hcl.text(deadLetterPolicy, "dead_letter_topic")).isEqualTo("${google_pubsub_topic.dead_letter.id}");
        assertThat(Hcl.text(deadLetterPolicy, "max_delivery_attempts")).isEqualTo("${var.max_delivery_attempts}");
        assertThat(queue.variables().get("max_delivery_attempts").path("default").asInt()).isEqualTo(5);
        assertThat(Hcl.text(queue.resource("google_pubsub_subscription", "dead_letter"), "topic"))
                .isEqualTo("${google_pubsub_topic.dead_letter.id}");
    }

    @Test
    void thePubSubServiceAgentMayMoveLettersToTheDeadLetterTopic() {
        TerraformDirectory queue = tree.module("gcp-queue-with-dead-letter");
        JsonNode publisher = queue.resource("google_pubsub_topic_iam_member", "dead_letter_publisher");
        JsonNode subscriber = queue.resource("google_pubsub_subscription_iam_member", "source_subscriber");

        assertThat(Hcl.text(publisher, "topic")).isEqualTo("${google_pubsub_topic.dead_letter.name}");
        assertThat(Hcl.text(publisher, "role")).isEqualTo("roles/pubsub.publisher");
        assertThat(Hcl.text(subscriber, "subscription")).isEqualTo("${google_pubsub_subscription.this.name}");
        assertThat(Hcl.text(subscriber, "role")).isEqualTo("roles/pubsub.subscriber");
        assertThat(queue.locals().get("pubsub_service_agent").asText()).endsWith("@gcp-sa-pubsub.iam.gserviceaccount.com");
        for (JsonNode grant : List.of(publisher, subscriber)) {
            assertThat(Hcl.text(grant, "member")).isEqualTo("${local.pubsub_service_agent}");
        }
    }

    @Test
    void everyLambdaRunsJava21WithSnapStartOnItsLiveAliasAndKeepsItsLogsForAConfiguredTime() {
        TerraformDirectory function = tree.module("aws-function");
        for (TerraformDirectory directory : tree.all()) {
            if (directory != function) {
                assertThat(directory.resources("aws_lambda_function")).as("Lambdas come from aws-function only: %s", directory).isEmpty();
            }
        }
        JsonNode lambda = function.resource("aws_lambda_function", "this");

        assertThat(Hcl.text(lambda, "runtime")).isEqualTo("java21");
        assertThat(function.locals().get("handler").asText())
                .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
        assertThat(Hcl.text(Hcl.block(lambda, "snap_start"), "apply_on")).isEqualTo("PublishedVersions");
        assertThat(lambda.path("publish").asBoolean()).isTrue();
        assertThat(Hcl.text(function.resource("aws_lambda_alias", "this"), "function_version")).isEqualTo("${aws_lambda_function.this.version}");
        JsonNode logs = function.resource("aws_cloudwatch_log_group", "this");
        assertThat(Hcl.text(logs, "name")).isEqualTo("/aws/lambda/${var.name}");
        assertThat(Hcl.text(logs, "retention_in_days")).isEqualTo("${var.log_retention_days}");
        assertThat(function.locals().get("environment").asText()).contains("MAIN_CLASS", "SPRING_CLOUD_FUNCTION_DEFINITION");
    }

    @Test
    void queueTriggersReportFailedRecordsOneByOneAndInvokeTheSnapStartAlias() {
        JsonNode mapping = tree.module("aws-function").resource("aws_lambda_event_source_mapping", "this");

        assertThat(Hcl.strings(mapping.path("function_response_types"))).containsExactly("ReportBatchItemFailures");
        assertThat(Hcl.text(mapping, "function_name")).isEqualTo("${aws_lambda_alias.this.arn}");
        assertThat(Hcl.text(tree.module("aws-function").resource("aws_lambda_function_url", "this"), "qualifier"))
                .isEqualTo("${aws_lambda_alias.this.name}");
    }

    @Test
    void aPublicFunctionUrlMayInvokeTheFunctionOnlyThroughTheUrl() {
        TerraformDirectory function = tree.module("aws-function");
        JsonNode urlPermission = function.resource("aws_lambda_permission", "public_url");
        JsonNode invokePermission = function.resource("terraform_data", "public_url_invoke");
        String command = Hcl.text(Hcl.block(Hcl.block(invokePermission, "provisioner"), "local-exec"), "command");

        assertThat(Hcl.text(invokePermission, "count")).isEqualTo(Hcl.text(urlPermission, "count"));
        assertThat(command).contains("--action lambda:InvokeFunction", "--principal '*'", "--invoked-via-function-url",
                "--qualifier '${aws_lambda_alias.this.name}'");
    }

    @Test
    void functionUrlCorsAllowsPostFromTheGivenOriginsOnly() {
        JsonNode url = tree.module("aws-function").resource("aws_lambda_function_url", "this");
        JsonNode cors = Hcl.blocks(url, "cors").get(0);

        assertThat(Hcl.text(cors, "allow_origins")).isEqualTo("${cors.value}");
        assertThat(Hcl.strings(cors.path("allow_methods"))).containsExactly("POST");
    }

    @Test
    void cloudFunctionsAreGen2Java21OnTheSpringLauncherWithSecretsFromSecretManager() {
        TerraformDirectory function = tree.module("gcp-function");
        JsonNode cloudFunction = function.resource("google_cloudfunctions2_function", "this");
        JsonNode build = Hcl.block(cloudFunction, "build_config");
        JsonNode service = Hcl.block(cloudFunction, "service_config");
        JsonNode secrets = Hcl.blocks(service, "secret_environment_variables").get(0);
        JsonNode accessor = function.resource("google_secret_manager_secret_iam_member", "this");

        assertThat(Hcl.text(build, "runtime")).isEqualTo("java21");
        assertThat(function.locals().get("entry_point").asText()).isEqualTo("org.springframework.cloud.function.adapter.gcp.GcfJarLauncher");
        assertThat(Hcl.text(service, "available_memory")).isEqualTo("${var.memory}");
        assertThat(Hcl.text(service, "timeout_seconds")).isEqualTo("${var.timeout_seconds}");
        assertThat(Hcl.text(service, "service_account_email")).isEqualTo("${google_service_account.this.email}");
        assertThat(Hcl.text(secrets, "secret")).isEqualTo("${secret_environment_variables.value}");
        assertThat(Hcl.text(accessor, "for_each")).isEqualTo("${var.secret_environment_variables}");
        assertThat(Hcl.text(accessor, "role")).isEqualTo("roles/secretmanager.secretAccessor");
        assertThat(Hcl.text(accessor, "member")).isEqualTo("${google_service_account.this.member}");
    }

    @Test
    void bucketsAbortAbandonedUploadsAndTheOriginalsOnAwsAreEncrypted() {
        JsonNode awsLifecycle = tree.module("aws-media-bucket").resource("aws_s3_bucket_lifecycle_configuration", "this");
        JsonNode gcsBucket = tree.module("gcp-media-bucket").resource("google_storage_bucket", "this");
        JsonNode encryption = tree.module("aws-media-bucket").resource("aws_s3_bucket_server_side_encryption_configuration", "this");

        assertThat(awsLifecycle.toString()).contains("abort_incomplete_multipart_upload", "${var.abandoned_upload_days}");
        assertThat(gcsBucket.path("lifecycle_rule").toString()).contains("AbortIncompleteMultipartUpload", "${var.abandoned_upload_days}");
        assertThat(encryption.toString()).contains("apply_server_side_encryption_by_default", "AES256", "aws:kms");
        assertThat(tree.module("aws-media-bucket").resources("aws_s3_bucket_versioning")).containsKey("this");
    }
}
