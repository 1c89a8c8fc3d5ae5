package dev.mediapipeline.cloud.aws.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where a deployable's AWS resources are ({@code media.aws.*}; on Lambda the contract's variables
 * {@code MEDIA_AWS_ORIGINALS_BUCKET}, {@code MEDIA_AWS_DERIVED_BUCKET}, {@code MEDIA_AWS_EVENTS_TOPIC_ARN},
 * {@code MEDIA_AWS_WEBHOOK_QUEUE_URL}). The region is {@code AWS_REGION} unless {@code media.aws.region} says otherwise.
 *
 * @param endpoints service endpoints to use instead of AWS's (S3Mock, ElasticMQ, moto, LocalStack); empty on AWS
 */
@ConfigurationProperties("media.aws")
public record AwsProperties(String region, String originalsBucket, String derivedBucket, String eventsTopicArn,
                            String webhookQueueUrl, @DefaultValue Endpoints endpoints) {

    public record Endpoints(URI s3, URI sqs, URI sns, URI secretsManager) {
    }

    static String require(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("this function needs " + variable + "; set it in the function's environment");
        }
        return value;
    }
}
