package dev.mediapipeline.fn.applywebhookevent.aws;

import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.SqsBatchLambda;
import dev.mediapipeline.fn.applywebhookevent.ApplyWebhookEventConfiguration;
import dev.mediapipeline.fn.applywebhookevent.ApplyWebhookEventFunction;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** apply-webhook-event on the webhook SQS queue: verified notifications applied to the catalog; no AWS client needed. */
@AwsLambdaApplication("applyWebhookEventApplication")
@Import({PostgresConnection.class, PostgresPorts.class})
@ImportAutoConfiguration(ApplyWebhookEventConfiguration.class)
public class ApplyWebhookEventLambda {

    @Bean
    SqsBatchLambda applyWebhookEventLambda(ApplyWebhookEventFunction applyWebhookEvent) {
        return SqsBatchLambda.forNotifications(applyWebhookEvent);
    }
}
