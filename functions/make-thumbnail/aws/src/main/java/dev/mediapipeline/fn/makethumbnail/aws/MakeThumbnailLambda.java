package dev.mediapipeline.fn.makethumbnail.aws;

import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsPipelineEvents;
import dev.mediapipeline.cloud.aws.runtime.AwsStorage;
import dev.mediapipeline.cloud.aws.runtime.SqsBatchLambda;
import dev.mediapipeline.fn.makethumbnail.MakeThumbnailConfiguration;
import dev.mediapipeline.fn.makethumbnail.MakeThumbnailFunction;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** make-thumbnail on its SQS queue (S3 → SNS → SQS): renditions into the derived bucket, asset.enriched on SNS. */
@AwsLambdaApplication("makeThumbnailApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsStorage.class, AwsPipelineEvents.class})
@ImportAutoConfiguration(MakeThumbnailConfiguration.class)
public class MakeThumbnailLambda {

    @Bean
    SqsBatchLambda makeThumbnailLambda(MakeThumbnailFunction makeThumbnail) {
        return SqsBatchLambda.forStorageEvents(makeThumbnail);
    }
}
