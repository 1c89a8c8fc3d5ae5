package dev.mediapipeline.fn.cleanupassets.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.ScheduledInvocation;
import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsStorage;
import dev.mediapipeline.cloud.aws.runtime.ScheduledLambda;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsConfiguration;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsFunction;
import dev.mediapipeline.fn.cleanupassets.CleanupRequest;
import dev.mediapipeline.fn.pollusage.CloudinaryUsageConfiguration;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * clean-up-assets on its nightly EventBridge schedule: orphans' originals, renditions, provider copies (when a
 * Cloudinary account is configured) and rows. Whatever fired it, a schedule is the nightly run (not a dry run)
 * unless its input says {@code "dryRun": true}.
 */
@AwsLambdaApplication("cleanUpAssetsApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsStorage.class})
@ImportAutoConfiguration({CloudinaryUsageConfiguration.class, CleanUpAssetsConfiguration.class})
public class CleanUpAssetsLambda {

    @Bean
    ScheduledLambda cleanUpAssetsLambda(CleanUpAssetsFunction cleanUpAssets, ObjectMapper json) {
        return new ScheduledLambda((invocation, input) -> cleanUpAssets.apply(request(invocation, input)), json);
    }

    static CleanupRequest request(ScheduledInvocation invocation, JsonNode input) {
        String who = invocation.triggeredBy();
        boolean schedule = who.equals(CleanupCommand.SCHEDULE) || who.startsWith(CleanupCommand.SCHEDULE + ":");
        Boolean dryRun = input.path("dryRun").isBoolean() ? input.get("dryRun").asBoolean() : Boolean.FALSE;
        return new CleanupRequest(schedule ? who : CleanupCommand.SCHEDULE + ":" + who, dryRun);
    }
}
