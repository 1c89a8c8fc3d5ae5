package dev.mediapipeline.fn.pollusage.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsStorage;
import dev.mediapipeline.cloud.aws.runtime.ScheduledLambda;
import dev.mediapipeline.fn.pollusage.CloudinaryUsageConfiguration;
import dev.mediapipeline.fn.pollusage.PollUsageConfiguration;
import dev.mediapipeline.fn.pollusage.PollUsageFunction;
import dev.mediapipeline.fn.pollusage.ScheduledTick;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** poll-usage on its EventBridge schedule: bucket bytes per folder (and Cloudinary's quota when configured). */
@AwsLambdaApplication("pollUsageApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsStorage.class})
@ImportAutoConfiguration({CloudinaryUsageConfiguration.class, PollUsageConfiguration.class})
public class PollUsageLambda {

    @Bean
    ScheduledLambda pollUsageLambda(PollUsageFunction pollUsage, ObjectMapper json) {
        return new ScheduledLambda((invocation, input) -> pollUsage.apply(new ScheduledTick(invocation.triggeredBy())),
                json);
    }
}
