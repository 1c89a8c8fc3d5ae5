package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.S3PostPolicySigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Clock;

/** S3 POST-policy uploads into the originals bucket, signed with the function's own credentials (no S3 call). */
@Configuration(proxyBeanMethods = false)
@Import(AwsSdk.class)
public class AwsUploadSigning {

    @Bean
    S3PostPolicySigner s3PostPolicySigner(AwsProperties properties, Region region, AwsCredentialsProvider credentials,
                                          Clock clock) {
        String bucket = AwsStorage.originalsBucket(properties);
        URI endpoint = properties.endpoints().s3();
        URI uploadUrl = endpoint != null ? S3PostPolicySigner.pathStyleUrl(endpoint, bucket)
                : S3PostPolicySigner.virtualHostedUrl(bucket, region);
        return new S3PostPolicySigner(bucket, region, uploadUrl, credentials, clock);
    }
}
