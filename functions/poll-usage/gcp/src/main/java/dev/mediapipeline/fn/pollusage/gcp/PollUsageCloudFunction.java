package dev.mediapipeline.fn.pollusage.gcp;

import dev.mediapipeline.cloud.gcp.SchedulerMessageDecoder;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.PubSubFunctionAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpStoragePorts;
import dev.mediapipeline.fn.pollusage.CloudinaryUsageConfiguration;
import dev.mediapipeline.fn.pollusage.PollUsageConfiguration;
import dev.mediapipeline.fn.pollusage.PollUsageFunction;
import dev.mediapipeline.fn.pollusage.ScheduledTick;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.util.function.Function;

/**
 * poll-usage on Cloud Functions, fed by a push subscription (or trigger) on the topic Cloud Scheduler publishes to every 15 minutes: each
 * firing to {@code pollUsage} (bucket bytes per folder, and Cloudinary's quota when an account is configured).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "pollUsageCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpStoragePorts.class})
@ImportAutoConfiguration({CloudinaryUsageConfiguration.class, PollUsageConfiguration.class})
public class PollUsageCloudFunction {

    @Bean
    Function<Message<Object>, Message<byte[]>> pollUsageCloudFunction(PollUsageFunction pollUsage) {
        SchedulerMessageDecoder schedules = new SchedulerMessageDecoder();
        return PubSubFunctionAdapter.pubSubMessages(
                message -> pollUsage.apply(new ScheduledTick(schedules.fromPubSub(message).triggeredBy())));
    }
}
