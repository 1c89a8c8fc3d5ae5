package dev.mediapipeline.fn.extracttext.aws;

import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.cloud.aws.testing.QueueEvents;
import dev.mediapipeline.cloud.aws.testing.Seeds;
import dev.mediapipeline.testkit.support.EventFiles;
import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * extract-text through FunctionInvoker, fed the S3 → SNS → SQS sample of a PDF upload (a text page, a scanned page,
 * a text page), against S3Mock, moto's SNS, the real tesseract and embedded PostgreSQL.
 */
class ExtractTextLambdaTest {

    private static final String SAMPLE = "sqs-sns-s3-pdf-created.json";
    private static final UUID ASSET = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @RegisterExtension
    static final LocalDeployable function = LocalDeployable.of(ExtractTextLambda.class, "extract-text").publishing();

    private final LocalAws aws = function.aws();
    private final CatalogRows rows = function.rows();

    @BeforeEach
    void requireTesseract() {
        RequiredTools.assumeAvailable(tesseractInstalled(), "tesseract is needed to read the scanned page; "
                + "apt-get install tesseract-ocr tesseract-ocr-eng");
    }

    @Test
    void theTextOfEveryPageIsStoredIndexedAndAnnounced() {
        Seeds.forEvent(aws, EventFiles.read("aws", SAMPLE));

        String response = function.invoke(EventFiles.read("aws", SAMPLE));

        assertThat(QueueEvents.batchItemFailures(response)).isEmpty();
        assertThat(rows.text("SELECT status FROM asset_texts WHERE asset_id = ?", ASSET)).isEqualTo("EXTRACTED");
        assertThat(rows.text("SELECT page_count FROM asset_texts WHERE asset_id = ?", ASSET)).isEqualTo("3");
        assertThat(rows.text("SELECT ocr_pages FROM asset_texts WHERE asset_id = ?", ASSET)).isEqualTo("1");
        String documentKey = rows.text("SELECT document_key FROM asset_texts WHERE asset_id = ?", ASSET);
        ResponseBytes<GetObjectResponse> document = aws.s3().getObjectAsBytes(request -> request
                .bucket(LocalAws.DERIVED_BUCKET).key(documentKey));
        assertThat(document.asString(StandardCharsets.UTF_8)).contains("\"pages\"");
        assertThat(aws.publishedEvents(Duration.ofSeconds(2))).anySatisfy(message -> assertThat(message.body())
                .contains("asset.text-extracted").contains(ASSET.toString()));
    }

    private static boolean tesseractInstalled() {
        try {
            return new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception missing) {
            return false;
        }
    }
}
