package dev.mediapipeline.cloud.aws.localstack;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.cloud.aws.QueuedMessage;
import dev.mediapipeline.cloud.aws.S3BlobStore;
import dev.mediapipeline.cloud.aws.SnsEventPublisher;
import dev.mediapipeline.cloud.aws.SqsMessages;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS fan-out end to end on LocalStack (one container: S3, SNS, SQS): an object stored through {@link S3BlobStore}
 * makes S3 notify an SNS topic, SNS delivers the envelope to an SQS queue, and {@link SqsMessages} finds the object in
 * what a Lambda would receive; an event published through {@link SnsEventPublisher} reaches a subscribed queue.
 *
 * <p>Needs Docker. Where there is none (this machine kind) Testcontainers disables the class: a disabled test, not a
 * missing tool, so {@code media.requireTools=true} does not turn it into a failure.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineTest {

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8");
    private static final String BUCKET = "media-originals";

    private static LocalStackContainer localstack;
    private static S3Client s3;
    private static SqsClient sqs;
    private static SdkHttpClient http;

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(IMAGE).withServices(Service.S3, Service.SNS, Service.SQS);
        localstack.start();
        StaticCredentialsProvider credentials = credentials();
        Region region = Region.of(localstack.getRegion());
        s3 = S3Client.builder().endpointOverride(localstack.getEndpoint()).forcePathStyle(true).region(region)
                .credentialsProvider(credentials).build();
        sqs = SqsClient.builder().endpointOverride(localstack.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        http = ApacheHttpClient.create();
        s3.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            s3.close();
            sqs.close();
            http.close();
            localstack.stop();
        }
    }

    @Test
    void anUploadReachesTheQueueThroughSnsAndDecodesAsAStorageEvent() throws Exception {
        String topic = awslocal("sns", "create-topic", "--name", "originals-created", "--query", "TopicArn");
        String queueUrl = sqs.createQueue(request -> request.queueName("make-thumbnail")).queueUrl();
        subscribe(topic, queueUrl);
        awslocal("s3api", "put-bucket-notification-configuration", "--bucket", BUCKET,
                "--notification-configuration", "{\"TopicConfigurations\":[{\"TopicArn\":\"" + topic
                        + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":"
                        + "[{\"Name\":\"prefix\",\"Value\":\"originals/\"}]}}}]}");
        byte[] bytes = "not really a jpeg, but S3 does not care".getBytes();

        new S3BlobStore(s3, BUCKET).put("originals/products/a b+c.jpg", new ByteArrayInputStream(bytes),
                "image/jpeg", Map.of());

        List<StorageObjectEvent> events = storageEvents(receive(queueUrl));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("originals/products/a b+c.jpg");
            assertThat(event.size()).isEqualTo(bytes.length);
        });
    }

    @Test
    void aPublishedEventReachesASubscribedQueueWithItsAttributes() throws Exception {
        String topic = awslocal("sns", "create-topic", "--name", "pipeline-events", "--query", "TopicArn");
        String queueUrl = sqs.createQueue(request -> request.queueName("host-app")).queueUrl();
        subscribe(topic, queueUrl);
        AssetEnriched event = new AssetEnriched("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d",
                "media-originals/originals/products/x.jpg#1", List.of());

        SnsEventPublisher.toOneTopic(http, credentials(), Region.of(localstack.getRegion()), localstack.getEndpoint(),
                topic).publish(event);

        QueuedMessage message = new SqsMessages().unwrap(lambdaMessage(receive(queueUrl)));
        assertThat(message.topicArn()).isEqualTo(topic);
        assertThat(message.attributes()).containsEntry("type", "asset.enriched")
                .containsEntry("assetId", "0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");
    }

    private static void subscribe(String topic, String queueUrl) throws Exception {
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        awslocal("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", queueArn);
    }

    private static Message receive(String queueUrl) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(2)
                    .maxNumberOfMessages(1)).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("nothing arrived on " + queueUrl + " within 20 s");
    }

    private static List<StorageObjectEvent> storageEvents(Message message) {
        SqsMessages messages = new SqsMessages();
        return messages.storageEvents(messages.unwrap(lambdaMessage(message)));
    }

    private static SQSEvent.SQSMessage lambdaMessage(Message message) {
        SQSEvent.SQSMessage lambdaMessage = new SQSEvent.SQSMessage();
        lambdaMessage.setMessageId(message.messageId());
        lambdaMessage.setBody(message.body());
        return lambdaMessage;
    }

    /** The container's own CLI for what the adapters never do (topics, subscriptions, bucket notifications). */
    private static String awslocal(String... command) throws Exception {
        String[] full = new String[command.length + 3];
        full[0] = "awslocal";
        System.arraycopy(command, 0, full, 1, command.length);
        full[command.length + 1] = "--output";
        full[command.length + 2] = "text";
        Container.ExecResult result = localstack.execInContainer(full);
        if (result.getExitCode() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + result.getStderr());
        }
        return result.getStdout().strip();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(localstack.getAccessKey(),
                localstack.getSecretKey()));
    }
}
