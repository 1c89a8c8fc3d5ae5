package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.NotificationMessages;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.PubSubFunctionAdapter;
import dev.mediapipeline.fn.applywebhookevent.ApplyWebhookEventConfiguration;
import dev.mediapipeline.fn.applywebhookevent.ApplyWebhookEventFunction;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.util.function.Function;

/** apply-webhook-event on Cloud Functions, fed by the webhook topic (push subscription or trigger): each message to {@code applyWebhookEvent}. */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "applyWebhookEventCloudFunctionConfiguration", proxyBeanMethods = false)
@Import(GcpFunctionRuntime.class)
@ImportAutoConfiguration(ApplyWebhookEventConfiguration.class)
public class ApplyWebhookEventCloudFunction {

    @Bean
    Function<Message<Object>, Message<byte[]>> applyWebhookEventCloudFunction(ApplyWebhookEventFunction applyWebhookEvent) {
        return PubSubFunctionAdapter.pubSubMessages(
                message -> applyWebhookEvent.accept(NotificationMessages.decode(message)));
    }
}
