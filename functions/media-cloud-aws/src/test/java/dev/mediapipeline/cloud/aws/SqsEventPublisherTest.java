package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.error.TransientFailureException;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SqsEventPublisher} against ElasticMQ (an SQS-compatible server) started in this JVM on a free port. */
class SqsEventPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SQSRestServer server;
    private static SqsClient sqs;
    private static String enrichedQueue;
    private static String failedQueue;

    @BeforeAll
    static void startElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        enrichedQueue = sqs.createQueue(request -> request.queueName("asset-enriched")).queueUrl();
        failedQueue = sqs.createQueue(request -> request.queueName("asset-failed")).queueUrl();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
        server.stopAndWait();
    }

    private static List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Test
    void eachEventGoesToTheQueueOfItsTypeWithJsonBodyAndAttributes() throws Exception {
        SqsEventPublisher publisher = new SqsEventPublisher(sqs, Map.of("asset.enriched", enrichedQueue,
                "asset.failed", failedQueue));

        publisher.publish(SampleEvents.enriched());
        publisher.publish(SampleEvents.failed());

        Message enriched = receive(enrichedQueue).get(0);
        JsonNode body = JSON.readTree(enriched.body());
        assertThat(body.get("assetId").asText()).isEqualTo(SampleEvents.ASSET_ID);
        assertThat(body.get("renditions").get(0).get("url").asText()).endsWith("w256.jpg");
        assertThat(enriched.messageAttributes().get("type").stringValue()).isEqualTo("asset.enriched");
        assertThat(enriched.messageAttributes().get("assetId").stringValue()).isEqualTo(SampleEvents.ASSET_ID);
        Message failed = receive(failedQueue).get(0);
        assertThat(JSON.readTree(failed.body()).get("reason").asText()).isEqualTo("type");
        assertThat(failed.messageAttributes().get("type").stringValue()).isEqualTo("asset.failed");
    }

    @Test
    void whatWasSentDecodesBackThroughSqsMessagesAsLambdaWouldDeliverIt() {
        String queue = sqs.createQueue(request -> request.queueName("round-trip")).queueUrl();
        new SqsEventPublisher(sqs, Map.of("asset.enriched", queue, "asset.failed", queue)).publish(SampleEvents.failed());
        Message received = receive(queue).get(0);

        SQSEvent.SQSMessage lambdaMessage = new SQSEvent.SQSMessage();
        lambdaMessage.setMessageId(received.messageId());
        lambdaMessage.setBody(received.body());
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        received.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        lambdaMessage.setMessageAttributes(attributes);
        lambdaMessage.setAttributes(Map.of("ApproximateReceiveCount",
                received.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1")));

        QueuedMessage message = new SqsMessages().unwrap(lambdaMessage);
        assertThat(message.topicArn()).isNull();
        assertThat(message.attribute("type")).contains("asset.failed");
        assertThat(message.attribute("assetId")).contains(SampleEvents.ASSET_ID);
        assertThat(message.body()).isEqualTo(received.body());
        assertThat(message.receiveCount()).isEqualTo(1);
    }

    @Test
    void onAFifoQueueTheAssetIsTheGroupAndAResendIsDeduplicated() {
        String fifo = sqs.createQueue(request -> request.queueName("asset-events.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        SqsEventPublisher publisher = new SqsEventPublisher(sqs, Map.of("asset.enriched", fifo, "asset.failed", fifo));

        publisher.publish(SampleEvents.enriched());
        publisher.publish(SampleEvents.enriched());

        List<Message> messages = receive(fifo);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).attributesAsStrings()).containsEntry("MessageGroupId", SampleEvents.ASSET_ID);
    }

    @Test
    void aQueueThatCannotBeReachedIsATransientFailure() {
        SqsEventPublisher publisher = new SqsEventPublisher(sqs, Map.of(
                "asset.enriched", enrichedQueue.replace("asset-enriched", "no-such-queue"), "asset.failed", failedQueue));

        assertThatThrownBy(() -> publisher.publish(SampleEvents.enriched()))
                .isInstanceOf(TransientFailureException.class).hasMessageContaining("asset.enriched")
                .hasMessageContaining(SampleEvents.ASSET_ID);
    }

    @Test
    void everyEventTypeNeedsAQueueAtStartUp() {
        assertThatThrownBy(() -> new SqsEventPublisher(sqs, Map.of("asset.enriched", enrichedQueue)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset.failed");
    }
}
