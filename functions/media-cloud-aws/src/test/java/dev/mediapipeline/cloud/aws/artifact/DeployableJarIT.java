package dev.mediapipeline.cloud.aws.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalInvoke;
import dev.mediapipeline.testkit.support.EventFiles;
import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built artifact of one AWS deployable ({@code target/<fn>-aws.jar}), run by each deployable module's failsafe
 * after {@code package}: no Google library inside, the HTTP functions under 40 MB, and one invocation of its sample
 * event through {@code FunctionInvoker} in a fresh JVM on nothing but the JDK and the jar (the entry-point tests run
 * on the test classpath, which can hide a class the jar lacks). The size goes to {@code target/artifact-size.txt}.
 */
class DeployableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HTTP_FUNCTION_BYTES = 40_000_000L;
    private static final Set<String> HTTP_FUNCTIONS = Set.of("sign-upload", "verify-webhook");
    private static final Set<String> PUBLISHING_FUNCTIONS = Set.of("make-thumbnail", "extract-text");
    private static final List<String> GOOGLE_PACKAGES = List.of("com/google/cloud/", "com/google/api/",
            "com/google/auth/", "com/google/protobuf/", "io/grpc/", "io/cloudevents/");

    /** The sample each function is invoked with (the trigger it has on AWS). */
    private static final Map<String, String> SAMPLES = Map.of(
            "sign-upload", "apigateway-http-sign-upload.json",
            "verify-webhook", "lambda-url-verify-webhook.json",
            "apply-webhook-event", "sqs-webhook-notification.json",
            "make-thumbnail", "sqs-sns-s3-object-created.json",
            "extract-text", "sqs-sns-s3-pdf-created.json",
            "poll-usage", "scheduler-poll-usage.json",
            "clean-up-assets", "scheduler-clean-up-assets.json");

    private static String function;
    private static Path jar;
    private static LocalAws aws;

    @BeforeAll
    static void locateTheArtifact() {
        jar = Path.of(System.getProperty("media.deployable.jar", "target/missing.jar"));
        function = jar.getFileName().toString().replaceFirst("-aws\\.jar$", "");
        assertThat(jar).as("the shaded jar, built by package before failsafe runs").isRegularFile();
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void holdsNoGoogleLibrary() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)
                    .filter(name -> GOOGLE_PACKAGES.stream().anyMatch(name::startsWith)).toList()).isEmpty();
        }
    }

    @Test
    void isSmallEnoughAndRecordsItsSize() throws IOException {
        long bytes = Files.size(jar);
        String line = String.format("%s %d bytes (%.1f MB)%n", jar.getFileName(), bytes, bytes / 1e6);
        Files.writeString(jar.resolveSibling("artifact-size.txt"), line, StandardCharsets.UTF_8);
        System.out.print(line);
        if (HTTP_FUNCTIONS.contains(function)) {
            assertThat(bytes).isLessThan(MAX_HTTP_FUNCTION_BYTES);
        }
    }

    @Test
    void handlesItsSampleEventInAFreshJvmOnTheJarAlone() throws Exception {
        if (PUBLISHING_FUNCTIONS.contains(function)) {
            RequiredTools.assumeAvailable(aws.motoUnavailable() == null, aws.motoUnavailable());
        }
        assertThat(SAMPLES).containsKey(function);

        LocalInvoke.Invocation invocation = LocalInvoke.invoke(aws, function, jar,
                EventFiles.read("aws", SAMPLES.get(function)));

        assertThat(invocation.exitCode()).isZero();
        JsonNode answer = JSON.readTree(invocation.answer());
        if (HTTP_FUNCTIONS.contains(function)) {
            assertThat(answer.path("statusCode").asInt()).as(invocation.answer()).isEqualTo(200);
        } else if (SAMPLES.get(function).startsWith("sqs-")) {
            assertThat(answer.path("batchItemFailures").isArray()).as(invocation.answer()).isTrue();
            assertThat(answer.path("batchItemFailures")).as(invocation.answer()).isEmpty();
        } else {
            assertThat(answer.path("triggeredBy").asText()).as(invocation.answer()).startsWith("schedule");
        }
    }
}
