package dev.mediapipeline.cloud.aws.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting up topics, subscriptions and secrets in moto is not what the deployables do, so the harness speaks
 * moto's SNS Query API and Secrets Manager JSON API directly (moto does not check signatures; the region comes from
 * the credential scope).
 */
final class MotoApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String authorization;

    MotoApi(URI endpoint, Region region) {
        this.endpoint = endpoint;
        this.authorization = "AWS4-HMAC-SHA256 Credential=" + LocalAws.ACCESS_KEY + "/20260101/" + region.id()
                + "/%s/aws4_request, SignedHeaders=host, Signature=0";
    }

    URI endpoint() {
        return endpoint;
    }

    String createTopic(String name) {
        return element(sns("Action=CreateTopic&Name=" + encode(name)), "TopicArn");
    }

    void subscribe(String topicArn, String queueArn) {
        sns("Action=Subscribe&TopicArn=" + encode(topicArn) + "&Protocol=sqs&Endpoint=" + encode(queueArn));
    }

    String createSecret(String name, String value) {
        try {
            String body = JSON.writeValueAsString(Map.of("Name", name, "SecretString", value));
            String answer = send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "secretsmanager.CreateSecret")
                    .header("Authorization", authorization.formatted("secretsmanager"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            return JSON.readTree(answer).path("ARN").asText();
        } catch (IOException e) {
            throw new IllegalStateException("moto did not create the secret " + name, e);
        }
    }

    private String sns(String form) {
        return send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization.formatted("sns"))
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2010-03-31")).build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("moto answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto is not answering at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("moto's answer has no " + name + ": " + xml);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
