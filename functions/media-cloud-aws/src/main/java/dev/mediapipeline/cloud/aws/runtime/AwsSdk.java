package dev.mediapipeline.cloud.aws.runtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What every AWS client of a deployable shares, built once per process: the credentials (the Lambda role's, through
 * the SDK's default chain), the region and one HTTP client. The SDK's URL-connection client would start faster but
 * does not resolve at this project's SDK version, so it is the Apache client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
public class AwsSdk {

    @Bean
    AwsCredentialsProvider awsCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Bean
    Region awsRegion(AwsProperties properties) {
        return properties.region() == null || properties.region().isBlank()
                ? new DefaultAwsRegionProviderChain().getRegion()
                : Region.of(properties.region());
    }

    @Bean(destroyMethod = "close")
    SdkHttpClient awsHttpClient() {
        return ApacheHttpClient.create();
    }
}
