package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.SqsNotificationQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The SQS queue verified notifications wait on ({@code MEDIA_AWS_WEBHOOK_QUEUE_URL}). */
@Configuration(proxyBeanMethods = false)
@Import(AwsSdk.class)
public class AwsWebhookQueue {

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsProperties properties, Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        SqsClientBuilder builder = SqsClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        if (properties.endpoints().sqs() != null) {
            builder.endpointOverride(properties.endpoints().sqs());
        }
        return builder.build();
    }

    @Bean
    SqsNotificationQueue notificationQueue(SqsClient sqs, AwsProperties properties) {
        return new SqsNotificationQueue(sqs, AwsProperties.require(properties.webhookQueueUrl(), "MEDIA_AWS_WEBHOOK_QUEUE_URL"));
    }
}
