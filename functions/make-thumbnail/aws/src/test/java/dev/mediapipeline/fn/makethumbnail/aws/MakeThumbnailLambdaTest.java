package dev.mediapipeline.fn.makethumbnail.aws;

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
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * make-thumbnail through FunctionInvoker, fed the S3 → SNS → SQS sample, against S3Mock, moto's SNS and embedded
 * PostgreSQL: one batch with an image, a file that is not one, and an upload another attempt still holds.
 */
class MakeThumbnailLambdaTest {

    private static final String SAMPLE = "sqs-sns-s3-object-created.json";
    private static final UUID SAMPLE_ASSET = UUID.fromString("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");

    @RegisterExtension
    static final LocalDeployable function =
            LocalDeployable.of(MakeThumbnailLambda.class, "make-thumbnail").publishing();

    private final LocalAws aws = function.aws();
    private final CatalogRows rows = function.rows();

    @Test
    void renditionsAreMadeBadBytesAreAcknowledgedAndAHeldUploadIsRetried() {
        Seeds.forEvent(aws, EventFiles.read("aws", SAMPLE));
        String corruptKey = "originals/products/" + UUID.randomUUID() + ".jpg";
        Seeds.object(aws, corruptKey, Seeds.fixture("not-an-image.jpg"), "image/jpeg");
        UUID corrupt = Seeds.asset(aws, corruptKey, "PENDING_UPLOAD", Instant.now());
        String heldKey = "originals/products/" + UUID.randomUUID() + ".jpg";
        Seeds.object(aws, heldKey, Seeds.fixture("rotated-exif-6.jpg"), "image/jpeg");
        Seeds.asset(aws, heldKey, "PENDING_UPLOAD", Instant.now());
        rows.update("""
                INSERT INTO processing_ledger (key, state, holder, lease_until, attempts, created_at, updated_at)
                VALUES (?, 'IN_PROGRESS', 'another-attempt', ?, 1, now(), now())""",
                "make-thumbnail:" + LocalAws.ORIGINALS_BUCKET + "/" + heldKey + "#0065A1B2C3D4E5F703",
                Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))));
        String heldMessage = "c0ffee00-0000-4000-8000-000000000003";
        String batch = QueueEvents.of(EventFiles.read("aws", SAMPLE))
                .plusUpload("c0ffee00-0000-4000-8000-000000000002", corruptKey, "0065A1B2C3D4E5F702")
                .plusUpload(heldMessage, heldKey, "0065A1B2C3D4E5F703")
                .json();

        String response = function.invoke(batch);

        assertThat(QueueEvents.batchItemFailures(response)).containsExactly(heldMessage);
        assertThat(rows.text("SELECT status FROM assets WHERE id = ?", SAMPLE_ASSET)).isEqualTo("READY");
        assertThat(rows.text("SELECT status FROM assets WHERE id = ?", corrupt)).isEqualTo("FAILED");
        List<S3Object> renditions = aws.s3().listObjectsV2(request -> request.bucket(LocalAws.DERIVED_BUCKET)
                .prefix("derived/" + SAMPLE_ASSET + "/")).contents();
        assertThat(renditions).isNotEmpty();
        assertThat(rows.count("SELECT count(*) FROM renditions WHERE asset_id = ?", SAMPLE_ASSET))
                .isEqualTo(renditions.size());
        List<Message> published = aws.publishedEvents(Duration.ofSeconds(2));
        assertThat(published).anySatisfy(message -> assertThat(message.body())
                .contains("asset.enriched").contains(SAMPLE_ASSET.toString()));
    }
}
