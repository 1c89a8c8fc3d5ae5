package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GCP stack wires every function to its trigger, schedule and dead letter. No Google provider is on this
 * machine, so these structural checks (with fmt) are what covers the GCP stack here.
 */
class GcpStackTest {

    private TerraformDirectory stack;

    @BeforeEach
    void parse() {
        stack = InfraTree.get().stack("gcp");
    }

    @Test
    void everyFunctionIsTheFunctionModuleWithTheContractsMainClassAndBean() {
        for (FunctionName function : FunctionName.ALL) {
            JsonNode module = stack.module(function.terraformName());

            assertThat(Hcl.text(module, "source")).isEqualTo("../modules/gcp-function");
            assertThat(Hcl.text(module, "main_class")).isEqualTo(function.gcpMainClass());
            assertThat(Hcl.text(module, "function_definition")).isEqualTo(function.bean() + "CloudFunction");
            assertThat(Hcl.text(module, "memory")).isEqualTo("${local.settings[\"" + function.module() + "\"].memory}");
            assertThat(Hcl.text(module, "timeout_seconds")).isEqualTo("${local.settings[\"" + function.module() + "\"].timeout_seconds}");
        }
        assertThat(stack.locals().get("artifacts").asText()).contains("/functions/${name}/gcp/target/${name}-gcp.zip");
        assertThat(stack.resources("google_cloudfunctions2_function")).as("functions are made by the module only").isEmpty();
    }

    @Test
    void makeThumbnailRunsOnTheOriginalsBucketsFinalizeEvent() {
        JsonNode trigger = stack.module("make_thumbnail").path("event_trigger");

        assertThat(Hcl.text(trigger, "event_type")).isEqualTo("google.cloud.storage.object.v1.finalized");
        assertThat(trigger.path("event_filters").toString())
                .contains("\"attribute\":\"bucket\"", "${module.originals_bucket.bucket_name}");
        assertThat(Hcl.strings(stack.module("make_thumbnail").path("project_roles"))).containsExactly("roles/eventarc.eventReceiver");
    }

    @ParameterizedTest
    @CsvSource({
            "extract_text, storage_notifications_queue, extract-text",
            "apply_webhook_event, webhook_queue, apply-webhook-event",
            "poll_usage, poll_usage_queue, poll-usage",
            "clean_up_assets, clean_up_assets_queue, clean-up-assets",
    })
    void pubSubFedFunctionsGetPushedByTheirOwnSubscriptionWithAnAckDeadlineCoveringTheirTimeout(
            String function, String queue, String settingsKey) {
        JsonNode queueModule = stack.module(queue);
        JsonNode push = queueModule.path("push");

        assertThat(Hcl.text(queueModule, "source")).isEqualTo("../modules/gcp-queue-with-dead-letter");
        assertThat(Hcl.text(push, "endpoint")).isEqualTo("${module." + function + ".function_uri}");
        assertThat(Hcl.text(push, "service_account_email")).isEqualTo("${module." + function + ".function_service_account_email}");
        assertThat(Hcl.text(queueModule, "ack_deadline_seconds")).isEqualTo("${local.ack_deadline_seconds[\"" + settingsKey + "\"]}");
        assertThat(stack.module(function).has("event_trigger")).isFalse();
        assertThat(stack.locals().get("ack_deadline_seconds").asText()).contains("min(600, max(10, s.timeout_seconds))");
        assertThat(defaultTimeoutSeconds(settingsKey)).as("a push waits at most 600 s").isLessThanOrEqualTo(600);
    }

    @Test
    void newOriginalsAreAnnouncedAsJsonApiNotificationsToExtractTextsTopic() {
        JsonNode notification = stack.resource("google_storage_notification", "originals_finalized");

        assertThat(Hcl.text(notification, "bucket")).isEqualTo("${module.originals_bucket.bucket_name}");
        assertThat(Hcl.text(notification, "topic")).isEqualTo("${module.storage_notifications_queue.topic_id}");
        assertThat(Hcl.text(notification, "payload_format")).isEqualTo("JSON_API_V1");
        assertThat(Hcl.strings(notification.path("event_types"))).containsExactly("OBJECT_FINALIZE");
        assertThat(Hcl.text(notification, "object_name_prefix")).isEqualTo("originals/");
        assertThat(Hcl.text(stack.resource("google_pubsub_topic_iam_member", "storage_agent_publishes_notifications"), "topic"))
                .isEqualTo("${module.storage_notifications_queue.topic_name}");
    }

    @Test
    void schedulesPublishToTheScheduledFunctionsTopicsEveryQuarterHourAndAtTwoUtc() {
        JsonNode pollUsage = stack.module("poll_usage_schedule");
        JsonNode cleanUp = stack.module("clean_up_assets_schedule");

        assertThat(Hcl.text(pollUsage, "schedule")).isEqualTo("*/15 * * * *");
        assertThat(Hcl.text(pollUsage, "topic_id")).isEqualTo("${module.poll_usage_queue.topic_id}");
        assertThat(Hcl.text(cleanUp, "schedule")).isEqualTo("0 2 * * *");
        assertThat(Hcl.text(cleanUp, "topic_id")).isEqualTo("${module.clean_up_assets_queue.topic_id}");
        for (JsonNode schedule : List.of(pollUsage, cleanUp)) {
            assertThat(Hcl.text(schedule, "source")).isEqualTo("../modules/gcp-schedule");
            assertThat(Hcl.text(schedule, "time_zone")).isEqualTo("Etc/UTC");
        }
    }

    @Test
    void theWebhookIsPublicAndSignUploadIsPublicOnlyByChoice() {
        assertThat(stack.module("verify_webhook").path("public").asBoolean()).isTrue();
        assertThat(Hcl.text(stack.module("sign_upload"), "public")).isEqualTo("${var.sign_upload_public}");
        for (FunctionName function : FunctionName.ALL) {
            if (!List.of("sign_upload", "verify_webhook").contains(function.terraformName())) {
                assertThat(stack.module(function.terraformName()).has("public")).as("%s is not public", function).isFalse();
            }
        }
    }

    @Test
    void signUploadSignsAsItsOwnAccountAndNoOther() {
        JsonNode tokenCreator = stack.resource("google_service_account_iam_member", "sign_upload_signs_as_itself");

        assertThat(Hcl.text(stack.module("sign_upload"), "service_account_environment_variable")).isEqualTo("MEDIA_GCP_SIGNER_SERVICE_ACCOUNT");
        assertThat(Hcl.text(tokenCreator, "role")).isEqualTo("roles/iam.serviceAccountTokenCreator");
        assertThat(Hcl.text(tokenCreator, "service_account_id")).isEqualTo("${module.sign_upload.function_service_account_id}");
        assertThat(Hcl.text(tokenCreator, "member")).isEqualTo("${module.sign_upload.function_service_account_member}");
    }

    @Test
    void secretsReachFunctionsAsSecretManagerReferencesOnly() {
        for (FunctionName function : FunctionName.ALL) {
            JsonNode module = stack.module(function.terraformName());
            String environment = stack.withLocals(Hcl.text(module, "environment"));
            String secrets = stack.withLocals(module.path("secret_environment_variables").toString());

            for (String secret : FunctionName.SECRET_KEYS.keySet()) {
                assertThat(environment).as("%s must not get %s as a plain variable", function, secret).doesNotContain(secret);
            }
            for (String secret : function.secrets()) {
                assertThat(secrets).as("%s reads %s from Secret Manager", function, secret)
                        .containsPattern(secret + "\\W+(= )?\\W*google_secret_manager_secret\\.this\\[\\\\?\"" + FunctionName.SECRET_KEYS.get(secret) + "\\\\?\"]\\.secret_id");
            }
        }
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
            JsonNode module = stack.module(function.terraformName());
            String environment = stack.withLocals(Hcl.text(module, "environment"))
                    + module.path("service_account_environment_variable").asText("");

            for (String variable : function.gcpEnvironment()) {
                assertThat(environment).as("environment of %s", function).contains(variable);
            }
            if (function.signsUploadsAsItself()) {
                assertThat(environment).contains("MEDIA_GCP_SIGNER_SERVICE_ACCOUNT");
            }
        }
    }

    @Test
    void originalsAreVersionedWithCorsFromAllowedOriginsAndEveryBucketComesFromTheModule() {
        assertThat(stack.module("originals_bucket").path("versioning_enabled").asBoolean()).isTrue();
        assertThat(Hcl.text(stack.module("originals_bucket"), "cors_allowed_origins")).isEqualTo("${var.allowed_origins}");
        for (String bucket : List.of("originals_bucket", "derived_bucket", "sources_bucket")) {
            assertThat(Hcl.text(stack.module(bucket), "source")).isEqualTo("../modules/gcp-media-bucket");
        }
        assertThat(stack.resources("google_storage_bucket")).isEmpty();
    }

    private int defaultTimeoutSeconds(String function) {
        String settings = stack.locals().get("default_function_settings").toString();
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(function) + "\":\\{[^}]*\"timeout_seconds\":(\\d+)").matcher(settings);
        assertThat(matcher.find()).as("default settings of %s in %s", function, settings).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
