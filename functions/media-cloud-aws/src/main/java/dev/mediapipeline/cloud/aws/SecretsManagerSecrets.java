package dev.mediapipeline.cloud.aws;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets Manager {@code GetSecretValue} over its JSON API, signed with the SDK's SigV4 signer (the SDK's
 * {@code secretsmanager} module does not resolve at this project's SDK version). One call, one string: the
 * secret's {@code SecretString} (binary secrets are not supported; store the value as a string).
 */
public final class SecretsManagerSecrets {

    /** Any partition: {@code aws}, {@code aws-cn}, {@code aws-us-gov}... */
    private static final Pattern ARN = Pattern.compile("^arn:[^:]+:secretsmanager:");

    private final SignedHttpCall call;
    private final URI endpoint;

    /** @param endpoint {@link #endpointFor(Region)} on AWS; an emulator's URL in tests */
    public SecretsManagerSecrets(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint) {
        this.call = new SignedHttpCall(http, credentials, region, "secretsmanager");
        this.endpoint = endpoint;
    }

    public static URI endpointFor(Region region) {
        String domain = region.metadata() == null ? "amazonaws.com" : region.metadata().domain();
        return URI.create("https://secretsmanager." + region.id() + "." + domain + "/");
    }

    /** Whether a value is a Secrets Manager ARN, in whichever partition. */
    public static boolean isArn(String value) {
        return value != null && ARN.matcher(value).find();
    }

    /** The region an ARN names ({@code arn:<partition>:secretsmanager:<region>:<account>:secret:<name>}). */
    public static Region regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        if (!isArn(arn) || parts.length < 6 || parts[3].isBlank()) {
            throw new IllegalArgumentException("not a Secrets Manager ARN: " + arn);
        }
        return Region.of(parts[3]);
    }

    /** The secret's string; the message of a failure names the ARN and what Secrets Manager said, never the value. */
    public String secretString(String arn) throws IOException {
        byte[] request = Json.MAPPER.writeValueAsBytes(Map.of("SecretId", arn));
        SignedHttpCall.Response response = call.post(endpoint, "application/x-amz-json-1.1",
                Map.of("X-Amz-Target", "secretsmanager.GetSecretValue"), request);
        JsonNode body = response.body().length == 0 ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(response.body());
        if (response.status() / 100 != 2) {
            throw new IOException("Secrets Manager GetSecretValue for " + arn + " failed with HTTP " + response.status()
                    + " " + body.path("__type").asText("") + ": " + body.path("message").asText(
                    body.path("Message").asText(new String(response.body(), StandardCharsets.UTF_8))));
        }
        JsonNode secret = body.get("SecretString");
        if (secret == null || !secret.isTextual()) {
            throw new IOException("the secret " + arn + " has no SecretString; store it as a string secret");
        }
        return secret.asText();
    }
}
