package dev.mediapipeline.fn.extracttext.aws;

import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsPipelineEvents;
import dev.mediapipeline.cloud.aws.runtime.AwsStorage;
import dev.mediapipeline.cloud.aws.runtime.SqsBatchLambda;
import dev.mediapipeline.fn.extracttext.ExtractTextConfiguration;
import dev.mediapipeline.fn.extracttext.ExtractTextFunction;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** extract-text on its SQS queue (S3 → SNS → SQS): per-page text into the derived bucket and the text index. */
@AwsLambdaApplication("extractTextApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsStorage.class, AwsPipelineEvents.class})
@ImportAutoConfiguration(ExtractTextConfiguration.class)
public class ExtractTextLambda {

    @Bean
    SqsBatchLambda extractTextLambda(ExtractTextFunction extractText) {
        return SqsBatchLambda.forStorageEvents(extractText);
    }
}
