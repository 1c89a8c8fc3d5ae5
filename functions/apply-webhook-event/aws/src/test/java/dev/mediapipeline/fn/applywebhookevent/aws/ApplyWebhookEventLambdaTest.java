package dev.mediapipeline.fn.applywebhookevent.aws;

import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.cloud.aws.testing.QueueEvents;
import dev.mediapipeline.cloud.aws.testing.Seeds;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** apply-webhook-event through FunctionInvoker, fed the webhook queue sample, against embedded PostgreSQL. */
class ApplyWebhookEventLambdaTest {

    private static final String SAMPLE = "sqs-webhook-notification.json";
    private static final UUID ASSET = UUID.fromString("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");
    private static final String IDENTITY = "1ca4163ad044767d2865160f1a9a4cdc3e1ec1451ad70b6a2004bbdddfebdddc";

    @RegisterExtension
    static final LocalDeployable function = LocalDeployable.of(ApplyWebhookEventLambda.class, "apply-webhook-event");

    private final LocalAws aws = function.aws();
    private final CatalogRows rows = function.rows();

    @Test
    void aQueuedUploadNotificationIsAppliedAndAnUnreadableMessageIsAcknowledged() {
        Seeds.forEvent(aws, EventFiles.read("aws", SAMPLE));
        String batch = QueueEvents.of(EventFiles.read("aws", SAMPLE))
                .plusBody("b1c2d3e4-0000-4000-8000-000000000001", "this is not a notification").json();

        String response = function.invoke(batch);

        assertThat(QueueEvents.batchItemFailures(response)).isEmpty();
        assertThat(rows.text("SELECT status FROM webhook_notifications WHERE identity = ?", IDENTITY))
                .isEqualTo("APPLIED");
        assertThat(rows.count("SELECT count(*) FROM provider_copies WHERE asset_id = ? AND NOT deleted", ASSET))
                .isEqualTo(1);
    }
}
