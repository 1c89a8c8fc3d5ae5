package dev.mediapipeline.fn.cleanupassets.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsStorage;
import dev.mediapipeline.cloud.aws.runtime.ScheduledLambda;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
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
 * Cloudinary account is configured) and rows. The input follows {@link CleanupRequest}'s rules: the schedule's own
 * payloads (no {@code triggeredBy}, or {@code schedule[:job]}) are the nightly run, which deletes; a caller that names
 * itself gets a dry run unless it says {@code "dryRun": false}. An unclear input (a {@code dryRun} that is not a JSON
 * boolean, a payload that is not a JSON object) is rejected and logged, and nothing is deleted.
 */
@AwsLambdaApplication("cleanUpAssetsApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsStorage.class})
@ImportAutoConfiguration({CloudinaryUsageConfiguration.class, CleanUpAssetsConfiguration.class})
public class CleanUpAssetsLambda {

    @Bean
    ScheduledLambda cleanUpAssetsLambda(CleanUpAssetsFunction cleanUpAssets, ObjectMapper json) {
        return new ScheduledLambda((invocation, input) -> cleanUpAssets.apply(request(input)), json);
    }

    static CleanupRequest request(JsonNode input) {
        try {
            return CleanupRequest.fromJson(input);
        } catch (IllegalArgumentException unclear) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    unclear.getMessage() + "; nothing was deleted. Send {\"triggeredBy\": \"<who>\", \"dryRun\": true|false}",
                    unclear);
        }
    }
}
