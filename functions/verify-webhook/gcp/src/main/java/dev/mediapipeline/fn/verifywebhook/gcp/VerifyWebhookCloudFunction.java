package dev.mediapipeline.fn.verifywebhook.gcp;

import dev.mediapipeline.cloud.gcp.runtime.CloudFunctionHttpAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.GcpPubSubPorts;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookConfiguration;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookFunction;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.io.Reader;
import java.util.function.Function;

/**
 * verify-webhook on Cloud Functions, HTTP trigger: Cloudinary's request (body bytes as received) to
 * {@code verifyWebhook}; verified notifications go to the webhook topic.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "verifyWebhookCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpPubSubPorts.class})
@ImportAutoConfiguration(VerifyWebhookConfiguration.class)
public class VerifyWebhookCloudFunction {

    @Bean
    Function<Message<Reader>, Message<byte[]>> verifyWebhookCloudFunction(VerifyWebhookFunction verifyWebhook,
                                                                          VerifyWebhookProperties properties) {
        return CloudFunctionHttpAdapter.adapt(verifyWebhook, properties.maxBody().toBytes());
    }
}
