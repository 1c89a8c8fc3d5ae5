package dev.mediapipeline.fn.cleanupassets.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.PubSubMessage;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.PubSubFunctionAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpStoragePorts;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsConfiguration;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsFunction;
import dev.mediapipeline.fn.cleanupassets.CleanupRequest;
import dev.mediapipeline.fn.pollusage.CloudinaryUsageConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.io.IOException;
import java.util.function.Function;

/**
 * clean-up-assets on Cloud Functions, fed by a push subscription (or trigger) on the topic Cloud Scheduler publishes to at 02:00 UTC: the
 * job's body ({@code {"triggeredBy": "schedule", "dryRun": false}}) to {@code cleanUpAssets}, read by
 * {@link CleanupRequest}'s rules (an empty body is the schedule; a caller that names itself gets a dry run unless it
 * says otherwise). A body that is unclear (not a JSON object, a {@code dryRun} that is not a JSON boolean) is a
 * permanent failure: logged, acknowledged, nothing deleted. Cloudinary copies are destroyed when an account is
 * configured.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "cleanUpAssetsCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpStoragePorts.class})
@ImportAutoConfiguration({CloudinaryUsageConfiguration.class, CleanUpAssetsConfiguration.class})
public class CleanUpAssetsCloudFunction {

    @Bean
    Function<Message<Object>, Message<byte[]>> cleanUpAssetsCloudFunction(CleanUpAssetsFunction cleanUpAssets, ObjectMapper json) {
        return PubSubFunctionAdapter.pubSubMessages(message -> cleanUpAssets.apply(request(message, json)));
    }

    static CleanupRequest request(PubSubMessage message, ObjectMapper json) {
        if (message.data().length == 0) {
            return CleanupRequest.scheduledTick();
        }
        try {
            return CleanupRequest.fromJson(json.readTree(message.data()));
        } catch (IOException | IllegalArgumentException unclear) {
            throw new PermanentFailureException(FailureReason.CORRUPT, "the clean-up request is unclear ("
                    + unclear.getMessage() + "); nothing was deleted. Publish {\"triggeredBy\": \"<who>\", "
                    + "\"dryRun\": true|false}", unclear);
        }
    }
}
