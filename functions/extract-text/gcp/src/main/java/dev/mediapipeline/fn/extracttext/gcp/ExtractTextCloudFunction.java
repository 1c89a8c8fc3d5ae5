package dev.mediapipeline.fn.extracttext.gcp;

import dev.mediapipeline.cloud.gcp.PubSubMessages;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.PubSubFunctionAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpPubSubPorts;
import dev.mediapipeline.cloud.gcp.runtime.GcpStoragePorts;
import dev.mediapipeline.fn.extracttext.ExtractTextConfiguration;
import dev.mediapipeline.fn.extracttext.ExtractTextFunction;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.util.function.Function;

/**
 * extract-text on Cloud Functions, fed by a push subscription (or trigger) on the originals bucket's notification topic (payload
 * {@code JSON_API_V1}): each {@code OBJECT_FINALIZE} to {@code extractText}; other notifications are acknowledged.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "extractTextCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpStoragePorts.class, GcpPubSubPorts.class})
@ImportAutoConfiguration(ExtractTextConfiguration.class)
public class ExtractTextCloudFunction {

    @Bean
    Function<Message<Object>, Message<byte[]>> extractTextCloudFunction(ExtractTextFunction extractText) {
        PubSubMessages notifications = new PubSubMessages();
        return PubSubFunctionAdapter.pubSubMessages(
                message -> notifications.storageEvent(message).ifPresent(extractText));
    }
}
