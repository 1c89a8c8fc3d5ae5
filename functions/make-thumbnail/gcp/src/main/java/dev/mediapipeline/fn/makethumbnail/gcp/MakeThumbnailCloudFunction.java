package dev.mediapipeline.fn.makethumbnail.gcp;

import dev.mediapipeline.cloud.gcp.runtime.BackgroundEventAdapter;
import dev.mediapipeline.cloud.gcp.runtime.GcpFunctionRuntime;
import dev.mediapipeline.cloud.gcp.runtime.GcpPubSubPorts;
import dev.mediapipeline.cloud.gcp.runtime.GcpStoragePorts;
import dev.mediapipeline.fn.makethumbnail.MakeThumbnailConfiguration;
import dev.mediapipeline.fn.makethumbnail.MakeThumbnailFunction;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * make-thumbnail on Cloud Functions, Eventarc trigger {@code google.cloud.storage.object.v1.finalized} on the
 * originals bucket: each new object to {@code makeThumbnail}; renditions go to the derived bucket, which has no
 * trigger.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
// Named apart from the function bean, which the contract calls by this class's decapitalised name.
@Configuration(value = "makeThumbnailCloudFunctionConfiguration", proxyBeanMethods = false)
@Import({GcpFunctionRuntime.class, GcpStoragePorts.class, GcpPubSubPorts.class})
@ImportAutoConfiguration(MakeThumbnailConfiguration.class)
public class MakeThumbnailCloudFunction {

    @Bean
    Consumer<Message<String>> makeThumbnailCloudFunction(MakeThumbnailFunction makeThumbnail) {
        return BackgroundEventAdapter.objectFinalized(makeThumbnail);
    }
}
