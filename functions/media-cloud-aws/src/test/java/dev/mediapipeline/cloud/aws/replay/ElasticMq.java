package dev.mediapipeline.cloud.aws.replay;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ElasticMQ (an SQS-compatible server) in this JVM on a free port, with helpers that make a source queue whose
 * redrive policy sends failures to a dead-letter queue, and put letters there.
 */
final class ElasticMq implements AutoCloseable {

    static final int MAX_RECEIVE_COUNT = 2;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final SQSRestServer server;
    final String endpoint;
    final SqsClient sqs;

    ElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A source queue and its dead-letter queue, with names unique to this server. */
    record Queues(String source, String deadLetter) {
    }

    Queues queues(boolean fifo) {
        String suffix = fifo ? ".fifo" : "";
        String name = "assets-" + NAMES.incrementAndGet();
        Map<QueueAttributeName, String> kind = fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
        String deadLetter = sqs.createQueue(request -> request.queueName(name + "-dead-letter" + suffix)
                .attributes(kind)).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetter)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<QueueAttributeName, String> attributes = new HashMap<>(kind);
        attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}");
        String source = sqs.createQueue(request -> request.queueName(name + suffix).attributes(attributes)).queueUrl();
        return new Queues(source, deadLetter);
    }

    String plainQueue(String prefix) {
        String name = prefix + "-" + NAMES.incrementAndGet();
        return sqs.createQueue(request -> request.queueName(name)).queueUrl();
    }

    /** Sends a message straight to a (dead-letter) queue, as SQS would have moved it there; returns its id. */
    String send(String queueUrl, String body, String type) {
        return sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body)
                .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                        .stringValue(type).build()))).messageId();
    }

    /**
     * Sends a message to the source queue and receives it without deleting it, as a failing consumer would,
     * until SQS moves it to the dead-letter queue; returns its id.
     */
    String failUntilDeadLettered(Queues queues, String body) {
        String id = send(queues.source(), body, "asset.enriched");
        for (int receive = 0; receive <= MAX_RECEIVE_COUNT + 1; receive++) {
            sqs.receiveMessage(request -> request.queueUrl(queues.source()).visibilityTimeout(0)
                    .maxNumberOfMessages(10).waitTimeSeconds(0));
        }
        if (!receiveAll(queues.source()).isEmpty()) {
            throw new IllegalStateException("the message did not move to the dead-letter queue");
        }
        return id;
    }

    /** Receives (and deletes) everything a queue holds now. */
    List<Message> receiveAll(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> page = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(30).waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(message -> sqs.deleteMessage(request -> request.queueUrl(queueUrl)
                    .receiptHandle(message.receiptHandle())));
            all.addAll(page);
        }
    }

    /** {@code ApproximateNumberOfMessages} (visible) and {@code ...NotVisible} (held by someone). */
    int[] counts(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new int[] {Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))};
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
