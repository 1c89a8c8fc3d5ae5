package dev.mediapipeline.fn.verifywebhook.aws;

import dev.mediapipeline.cloud.aws.runtime.AwsLambdaApplication;
import dev.mediapipeline.cloud.aws.runtime.AwsWebhookQueue;
import dev.mediapipeline.cloud.aws.runtime.HttpLambda;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookConfiguration;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookFunction;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * verify-webhook behind a Function URL: the raw body is verified, then queued on SQS for apply-webhook-event. The
 * catalog database holds the notification log that answers a redelivered webhook without queueing it twice.
 */
@AwsLambdaApplication("verifyWebhookApplication")
@Import({PostgresConnection.class, PostgresPorts.class, AwsWebhookQueue.class})
@ImportAutoConfiguration(VerifyWebhookConfiguration.class)
public class VerifyWebhookLambda {

    @Bean
    HttpLambda verifyWebhookLambda(VerifyWebhookFunction verifyWebhook) {
        return new HttpLambda(verifyWebhook);
    }
}
