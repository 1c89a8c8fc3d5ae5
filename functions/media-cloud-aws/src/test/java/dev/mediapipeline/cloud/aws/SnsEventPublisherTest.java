package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.testkit.support.RequiredTools;

import dev.mediapipeline.testkit.support.ChildServer;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.error.TransientFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SnsEventPublisher} against moto's server (SNS and SQS emulation, a child process on a free port): the
 * event is published to a topic with an SQS subscription, received from the queue in its SNS envelope, and
 * decoded by {@link SqsMessages} as the consuming Lambda would. Skips when {@code moto_server} is not installed
 * (or not at {@code media.motoServer}), unless {@code media.requireTools=true}.
 */
class SnsEventPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ChildServer moto;
    private static URI endpoint;
    private static SdkHttpClient sdkHttp;
    private static SqsClient sqs;

    /** Why moto is not there, or null; each test reports it, so a skip shows up per test. */
    private static String unavailable;

    @BeforeAll
    static void startMoto() throws Exception {
        int port = ChildServer.freePort();
        String command = System.getProperty("media.motoServer", "moto_server");
        try {
            moto = ChildServer.start(List.of(command, "-H", "127.0.0.1", "-p", Integer.toString(port)), port,
                    Duration.ofSeconds(60));
        } catch (IOException | IllegalStateException e) {
            unavailable = "moto_server (pip install 'moto[server]') is needed to emulate SNS; set -Dmedia.motoServer "
                    + "to its path: " + e.getMessage();
            return;
        }
        endpoint = URI.create("http://127.0.0.1:" + port + "/");
        sdkHttp = ApacheHttpClient.create();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @BeforeEach
    void requireMoto() {
        RequiredTools.assumeAvailable(unavailable == null, unavailable);
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (sqs != null) {
            sqs.close();
        }
        if (sdkHttp != null) {
            sdkHttp.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** Topic management is not the publisher's job; the test drives moto's SNS Query API directly. */
    private static String sns(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sns/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2010-03-31")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String createTopic(String name) throws Exception {
        Matcher arn = Pattern.compile("<TopicArn>([^<]+)</TopicArn>").matcher(sns("Action=CreateTopic&Name=" + name));
        assertThat(arn.find()).isTrue();
        return arn.group(1);
    }

    private static SnsEventPublisher publisher(Map<String, String> topics) {
        return new SnsEventPublisher(sdkHttp, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Region.US_EAST_1, endpoint, topics);
    }

    @Test
    void anEventPublishedToItsTopicArrivesInASubscribedQueueAndDecodes() throws Exception {
        String topic = createTopic("asset-enriched");
        String queueUrl = sqs.createQueue(request -> request.queueName("host-app")).queueUrl();
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns("Action=Subscribe&TopicArn=" + topic + "&Protocol=sqs&Endpoint=" + queueArn);

        publisher(Map.of("asset.enriched", topic, "asset.failed", createTopic("asset-failed")))
                .publish(SampleEvents.enriched());

        List<Message> received = sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(2)).messages();
        assertThat(received).hasSize(1);
        SQSEvent.SQSMessage lambdaMessage = new SQSEvent.SQSMessage();
        lambdaMessage.setMessageId(received.get(0).messageId());
        lambdaMessage.setBody(received.get(0).body());
        QueuedMessage message = new SqsMessages().unwrap(lambdaMessage);
        assertThat(message.topicArn()).isEqualTo(topic);
        assertThat(message.attributes()).containsEntry("type", "asset.enriched")
                .containsEntry("assetId", SampleEvents.ASSET_ID);
        assertThat(JSON.readTree(message.body())).isEqualTo(JSON.readTree(EventMessages.body(SampleEvents.enriched())));
    }

    @Test
    void textWithAmpersandsEqualsSignsAndNonAsciiSurvivesTheForm() throws Exception {
        String topic = createTopic("asset-failed-text");
        String queueUrl = sqs.createQueue(request -> request.queueName("failures")).queueUrl();
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns("Action=Subscribe&TopicArn=" + topic + "&Protocol=sqs&Endpoint=" + queueArn
                + "&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true");
        var failed = new dev.mediapipeline.domain.event.AssetFailed(SampleEvents.ASSET_ID, "b/k#1", "type",
                "a=b&c+d café 100% \u202E");

        publisher(Map.of("asset.enriched", topic, "asset.failed", topic)).publish(failed);

        Message raw = sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(2)).messages().get(0);
        assertThat(JSON.readTree(raw.body()).get("detail").asText()).isEqualTo("a=b&c+d café 100% \u202E");
    }

    @Test
    void aTopicThatDoesNotExistIsATransientFailureNamingTheCause() {
        String missing = "arn:aws:sns:us-east-1:123456789012:no-such-topic";
        SnsEventPublisher publisher = publisher(Map.of("asset.enriched", missing, "asset.failed", missing));

        assertThatThrownBy(() -> publisher.publish(SampleEvents.enriched()))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining(missing).hasMessageContaining("NotFound");
    }
}
