package dev.mediapipeline.infra.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules for every stack and module: least privilege, nothing public that need not be, secrets only in
 * sensitive variables, and the house style (typed, described variables; described, prefixed outputs).
 *
 * <p>The documented wildcard allow-list (also in infra-terraform/README.md):
 * <ul>
 *   <li>{@code <named log group ARN>:*}: the log streams of the function's own log group;</li>
 *   <li>{@code <named bucket ARN>/<prefix>/*}: object keys under one prefix of one named bucket (a reference or a
 *       literal {@code arn:aws:s3:::bucket});</li>
 *   <li>Deny statements ({@code s3:*} for plain-HTTP requests): a Deny never widens access;</li>
 *   <li>anyone may call a Function URL with auth NONE: lambda:InvokeFunctionUrl, and lambda:InvokeFunction only
 *       with lambda:InvokedViaFunctionUrl (the functions authenticate callers themselves);</li>
 *   <li>the AWS-managed AWSLambdaVPCAccessExecutionRole, attached only when a function runs in a VPC
 *       (network interfaces have no resource-level permissions).</li>
 * </ul>
 */
class PolicyRulesTest {

    private static final List<Pattern> ALLOWED_WILDCARD_RESOURCES = List.of(
            Pattern.compile("^\\$\\{[^}*]+}:\\*$"),
            Pattern.compile("^(\\$\\{[^}*]+}|arn:aws:s3:::[a-z0-9.-]+)/[a-z0-9-]+/\\*$"));
    private static final Set<String> ALLOWED_MANAGED_POLICIES = Set.of(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
    private static final Set<String> ALLOWED_PROJECT_ROLES = Set.of("roles/eventarc.eventReceiver", "roles/pubsub.publisher");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|secret|token|cloudinary_url|private_key).*");

    private InfraTree tree;

    @BeforeEach
    void parse() {
        tree = InfraTree.get();
    }

    @Test
    void everyVariableIsTypedAndDescribed() {
        for (TerraformDirectory directory : tree.all()) {
            directory.variables().forEach((name, variable) -> {
                assertThat(variable.has("type")).as("variable %s in %s has a type", name, directory).isTrue();
                assertThat(variable.path("description").asText()).as("variable %s in %s has a description", name, directory).isNotBlank();
            });
        }
    }

    @Test
    void everyOutputIsDescribedAndPrefixedWithWhatItDescribes() {
        Pattern prefix = Pattern.compile("^(function|bucket|queue|topic|subscription|dead_letter|schedule|secret|database|rds|cloud_sql)_.+");
        for (TerraformDirectory directory : tree.all()) {
            directory.outputs().forEach((name, output) -> {
                assertThat(output.path("description").asText()).as("output %s in %s", name, directory).isNotBlank();
                assertThat(name).as("output name in %s", directory).matches(prefix);
            });
        }
    }

    @Test
    void variablesThatHoldSecretsAreSensitive() {
        List<String> checked = new ArrayList<>();
        for (TerraformDirectory directory : tree.all()) {
            directory.variables().forEach((name, variable) -> {
                if (SECRET_NAME.matcher(name).matches() && !name.endsWith("_arns") && !name.startsWith("secret_environment")) {
                    checked.add(directory + "/" + name);
                    assertThat(variable.path("sensitive").asBoolean()).as("variable %s in %s must be sensitive", name, directory).isTrue();
                }
            });
        }
        assertThat(checked).as("the secret variables exist").contains("aws/database_password", "aws/jwt_secret", "gcp/cloudinary_url");
    }

    @Test
    void iamPoliciesNameTheirActionsAndResources() {
        List<String> resourcesSeen = new ArrayList<>();
        for (TerraformDirectory directory : tree.all()) {
            for (Map.Entry<String, JsonNode> document : directory.dataSources("aws_iam_policy_document").entrySet()) {
                for (JsonNode statement : Hcl.blocks(document.getValue(), "statement")) {
                    String where = directory + " data.aws_iam_policy_document." + document.getKey() + " " + statement.path("sid").asText();
                    checkStatement(directory, statement, where, resourcesSeen);
                }
            }
            for (Map.Entry<String, JsonNode> module : directory.modules().entrySet()) {
                for (JsonNode statement : module.getValue().path("policy_statements")) {
                    checkStatement(directory, statement, directory + " module." + module.getKey(), resourcesSeen);
                }
            }
        }
        assertThat(resourcesSeen).as("the check saw the function policies").contains("${module.webhook_queue.queue_arn}");
    }

    @Test
    void onlyAllowListedManagedPoliciesAndPublicPrincipals() {
        for (TerraformDirectory directory : tree.all()) {
            directory.resources("aws_iam_role_policy_attachment").forEach((name, attachment) ->
                    assertThat(Hcl.text(attachment, "policy_arn")).as("%s attachment %s", directory, name).isIn(ALLOWED_MANAGED_POLICIES));
            directory.resources("aws_lambda_permission").forEach((name, permission) -> {
                if ("*".equals(permission.path("principal").asText())) {
                    assertThat(Hcl.text(permission, "action")).isEqualTo("lambda:InvokeFunctionUrl");
                    assertThat(Hcl.text(permission, "function_url_auth_type")).isEqualTo("NONE");
                }
            });
        }
    }

    @Test
    void googleRolesAreGrantedOnResourcesAndProjectRolesOnlyWhereNoNarrowerGrantExists() {
        for (TerraformDirectory directory : tree.all()) {
            directory.resources("google_project_iam_member").forEach((name, grant) -> {
                String role = Hcl.text(grant, "role");
                if (!role.equals("${each.value}")) {
                    assertThat(role).as("%s google_project_iam_member.%s", directory, name).isIn(ALLOWED_PROJECT_ROLES);
                }
            });
            directory.modules().forEach((name, module) -> {
                assertThat(Hcl.strings(module.path("project_roles"))).as("%s module.%s project_roles", directory, name)
                        .allSatisfy(role -> assertThat(role).isIn(ALLOWED_PROJECT_ROLES));
                assertThat(module.path("bucket_roles").toString() + module.path("topic_roles"))
                        .as("%s module.%s grants no admin role", directory, name)
                        .doesNotContainIgnoringCase("admin").doesNotContain("roles/owner", "roles/editor");
            });
        }
        JsonNode projectRoles = tree.module("gcp-function").variables().get("project_roles");
        assertThat(Hcl.block(projectRoles, "validation").toString()).contains("roles/owner", "roles/editor");
    }

    @Test
    void noBucketIsPublic() {
        for (TerraformDirectory directory : tree.all()) {
            assertThat(directory.resourceTypes()).as("%s", directory)
                    .doesNotContain("aws_s3_bucket_acl", "google_storage_bucket_access_control", "google_storage_default_object_access_control");
            for (String bucket : directory.resources("aws_s3_bucket").keySet()) {
                JsonNode block = directory.resource("aws_s3_bucket_public_access_block", bucket);
                for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                    assertThat(block.path(setting).asBoolean()).as("%s %s of bucket %s", directory, setting, bucket).isTrue();
                }
            }
            directory.resources("google_storage_bucket").forEach((name, bucket) -> {
                assertThat(Hcl.text(bucket, "public_access_prevention")).as("%s bucket %s", directory, name).isEqualTo("enforced");
                assertThat(bucket.path("uniform_bucket_level_access").asBoolean()).isTrue();
            });
            for (String type : List.of("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding")) {
                directory.resources(type).forEach((name, grant) ->
                        assertThat(grant.toString()).as("%s %s.%s", directory, type, name).doesNotContain("allUsers", "allAuthenticatedUsers"));
            }
        }
        assertThat(tree.module("aws-media-bucket").resources("aws_s3_bucket")).containsKey("this");
        assertThat(tree.module("gcp-media-bucket").resources("google_storage_bucket")).containsKey("this");
    }

    private void checkStatement(TerraformDirectory directory, JsonNode statement, String where, List<String> resourcesSeen) {
        boolean deny = "Deny".equals(statement.path("effect").asText("Allow"));
        for (String action : Hcl.strings(statement.path("actions"))) {
            assertThat(deny || !action.contains("*")).as("%s: wildcard action %s", where, action).isTrue();
        }
        for (JsonNode principals : statement.path("principals")) {
            assertThat(deny || !Hcl.strings(principals.path("identifiers")).contains("*"))
                    .as("%s: an Allow for any principal", where).isTrue();
        }
        for (String resource : Hcl.strings(statement.path("resources"))) {
            resourcesSeen.add(resource);
            String resolved = resolveLocal(directory, resource);
            assertThat(deny || !resolved.contains("*") || ALLOWED_WILDCARD_RESOURCES.stream().anyMatch(p -> p.matcher(resolved).matches()))
                    .as("%s: wildcard resource %s outside the allow-list", where, resolved).isTrue();
        }
    }

    private static String resolveLocal(TerraformDirectory directory, String resource) {
        var local = Pattern.compile("^\\$\\{local\\.(\\w+)}$").matcher(resource);
        if (local.matches() && directory.locals().containsKey(local.group(1))) {
            return directory.locals().get(local.group(1)).asText();
        }
        return resource;
    }
}
