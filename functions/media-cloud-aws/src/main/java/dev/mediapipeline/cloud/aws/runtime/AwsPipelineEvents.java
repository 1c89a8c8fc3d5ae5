package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.SnsEventPublisher;
import dev.mediapipeline.cloud.aws.SnsTextEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/** Pipeline and text events on the one SNS topic {@code MEDIA_AWS_EVENTS_TOPIC_ARN} (attribute {@code type}). */
@Configuration(proxyBeanMethods = false)
@Import(AwsSdk.class)
public class AwsPipelineEvents {

    @Bean
    SnsEventPublisher eventPublisher(AwsProperties properties, SdkHttpClient http, AwsCredentialsProvider credentials,
                                     Region region) {
        return SnsEventPublisher.toOneTopic(http, credentials, region, snsEndpoint(properties, region), topic(properties));
    }

    @Bean
    SnsTextEvents textEvents(AwsProperties properties, SdkHttpClient http, AwsCredentialsProvider credentials,
                             Region region) {
        return new SnsTextEvents(http, credentials, region, snsEndpoint(properties, region), topic(properties));
    }

    private static URI snsEndpoint(AwsProperties properties, Region region) {
        return properties.endpoints().sns() != null ? properties.endpoints().sns() : SnsEventPublisher.endpointFor(region);
    }

    private static String topic(AwsProperties properties) {
        return AwsProperties.require(properties.eventsTopicArn(), "MEDIA_AWS_EVENTS_TOPIC_ARN");
    }
}
