package dev.mediapipeline.fn.extracttext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.ledger.LedgerState;
import dev.mediapipeline.domain.text.ExtractTextService;
import dev.mediapipeline.domain.text.ExtractTextService.Outcome;
import dev.mediapipeline.domain.text.TextExtracted;
import dev.mediapipeline.domain.text.TextExtractionFailed;
import dev.mediapipeline.domain.text.TextKeys;
import dev.mediapipeline.domain.text.TextOutcome;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStatus;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import dev.mediapipeline.testkit.media.BadInputs;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text pipeline around the extractor: ledger, stored document, index row, events, failures. */
class ExtractTextServiceTest {

    private final RecordingRecognizer ocr = new RecordingRecognizer("Scanned delivery note");
    private final Pipeline pipeline = new Pipeline(ocr, TextSettings.defaults());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPdfBecomesAStoredJsonDocumentAnIndexRowAndAnEvent() throws IOException {
        byte[] pdf = Pdfs.create().text("Invoice 4711\nTotal: 1,250.00 EUR")
                .scan(Scans.page("Delivery note", Scans.Look.clean(Font.SERIF, 12), 3), Pdfs.ScanEncoding.JPEG)
                .empty().bytes();
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf", pdf);
        AssetId id = pipeline.assetOf(event);

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.EXTRACTED);

        String key = TextKeys.documentKey(id, event.identity());
        assertThat(key).startsWith(RenditionKeys.PREFIX + id + "/").endsWith("/text.json");
        JsonNode document = json.readTree(pipeline.blobs.bytes(key));
        assertThat(document.get("assetId").asText()).isEqualTo(id.toString());
        assertThat(document.get("source").asText()).isEqualTo(event.identity());
        assertThat(document.get("engine").asText()).isEqualTo("fake-ocr");
        assertThat(document.get("engineVersion").asText()).isEqualTo("1.0");
        assertThat(document.get("languages").toString()).isEqualTo("[\"eng\"]");
        assertThat(document.get("strategy").asText()).isEqualTo("auto");
        assertThat(document.get("pageCount").asInt()).isEqualTo(3);
        assertThat(document.get("truncated").asBoolean()).isFalse();
        assertThat(document.get("warnings").isArray()).isTrue();
        assertThat(document.get("timingsMs").get("total").asLong()).isNotNegative();
        JsonNode pages = document.get("pages");
        assertThat(pages.get(0).toString())
                .isEqualTo("{\"page\":1,\"source\":\"text-layer\",\"text\":\"Invoice 4711\\nTotal: 1,250.00 EUR\","
                        + "\"confidence\":null,\"flags\":[]}");
        assertThat(pages.get(1).toString()).isEqualTo("{\"page\":2,\"source\":\"ocr\",\"text\":\"Scanned delivery note\","
                + "\"confidence\":91.5,\"flags\":[]}");
        assertThat(pages.get(2).get("flags").toString()).isEqualTo("[\"blank\"]");

        TextOutcome row = pipeline.index.of(id).orElseThrow();
        assertThat(row.status()).isEqualTo(TextStatus.EXTRACTED);
        assertThat(row.documentKey()).isEqualTo(key);
        assertThat(row.text()).isEqualTo("Invoice 4711\nTotal: 1,250.00 EUR\n\nScanned delivery note");
        assertThat(row.ocrPages()).isEqualTo(1);
        assertThat(row.confidence()).isEqualTo(91.5);
        assertThat(pipeline.events.published(TextExtracted.class)).singleElement().satisfies(extracted -> {
            assertThat(extracted.type()).isEqualTo("asset.text-extracted");
            assertThat(extracted.documentUrl()).isEqualTo("https://cdn.example/" + key);
            assertThat(extracted.pagesRead()).isEqualTo(3);
        });
        assertThat(pipeline.ledger.find(ExtractTextService.ledgerKey(event)).orElseThrow().state())
                .isEqualTo(LedgerState.SUCCEEDED);
    }

    @Test
    void aRedeliveryOfTheSameWriteIsADuplicateAndReadsNothing() {
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf",
                Pdfs.create().scan(Scans.page("Memo", Scans.Look.clean(Font.SERIF, 12), 3), Pdfs.ScanEncoding.JPEG)
                        .bytes());
        pipeline.service.handle(event);
        int puts = pipeline.blobs.putCount();

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.DUPLICATE);

        assertThat(ocr.images()).hasSize(1);
        assertThat(pipeline.blobs.putCount()).isEqualTo(puts);
        assertThat(pipeline.events.published()).hasSize(1);
    }

    @Test
    void anEncryptedPdfIsRecordedAsFailedTextAndTheAssetStatusIsLeftToMakeThumbnail() {
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf",
                Pdfs.create().text("Payslip").encrypted("secret", "owner"));
        AssetId id = pipeline.assetOf(event);

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.FAILED);

        TextOutcome row = pipeline.index.of(id).orElseThrow();
        assertThat(row.status()).isEqualTo(TextStatus.FAILED);
        assertThat(row.failure().reason().code()).isEqualTo("encrypted");
        assertThat(pipeline.events.published(TextExtractionFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.reason()).isEqualTo("encrypted"));
        assertThat(pipeline.ledger.find(ExtractTextService.ledgerKey(event)).orElseThrow().state())
                .isEqualTo(LedgerState.FAILED);
        assertThat(pipeline.catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
        assertThat(pipeline.service.handle(event)).as("not retried").isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aStorageFaultIsThrownForARetryWhichThenSucceeds() {
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf",
                Pdfs.create().text("Minutes of the meeting").bytes());
        pipeline.blobs.failNextOperations(1);

        assertThatThrownBy(() -> pipeline.service.handle(event)).isInstanceOf(TransientFailureException.class);
        assertThat(pipeline.index.saves()).isEmpty();

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.EXTRACTED);
        assertThat(pipeline.index.of(pipeline.assetOf(event)).orElseThrow().text()).isEqualTo("Minutes of the meeting");
    }

    @Test
    void aFileWithoutTextIsAcknowledgedWithoutARecord() {
        StorageObjectEvent event = pipeline.upload("documents", "image/jpeg", BadInputs.windowsExecutable());

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.NOTHING_TO_EXTRACT);

        assertThat(pipeline.index.saves()).isEmpty();
        assertThat(pipeline.events.published()).isEmpty();
    }

    @Test
    void aPdfInAFolderThatRefusesPdfsIsNotRead() {
        StorageObjectEvent event = pipeline.upload("products", "image/jpeg", Pdfs.create().text("Secret").bytes());

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.NOT_ALLOWED);

        assertThat(pipeline.index.saves()).isEmpty();
    }

    @Test
    void anEmptyUploadIsRecordedAsFailedText() {
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf", BadInputs.empty());

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.FAILED);

        assertThat(pipeline.index.of(pipeline.assetOf(event)).orElseThrow().failure().reason().code()).isEqualTo("empty");
    }

    @Test
    void ourOwnDocumentsNeverTriggerExtraction() {
        StorageObjectEvent ours = new StorageObjectEvent("media", "derived/x/y/text.json", "1", 10, "application/json",
                Map.of(), Instant.now());
        StorageObjectEvent marked = new StorageObjectEvent("media", "originals/documents/z.pdf", "1", 10,
                "application/pdf", RenditionKeys.metadataFor("media/a#1"), Instant.now());

        assertThat(pipeline.service.handle(ours)).isEqualTo(Outcome.IGNORED_RENDITION);
        assertThat(pipeline.service.handle(marked)).isEqualTo(Outcome.IGNORED_RENDITION);
    }

    @Test
    void textOverTheByteLimitIsCutAndTheDocumentMarkedTruncated() throws IOException {
        Pipeline small = new Pipeline(ocr, TextSettings.defaults().withMaxTextBytes(20));
        StorageObjectEvent event = small.upload("documents", "application/pdf",
                Pdfs.create().text("0123456789 abcdefghij klmnop").text("Second page").bytes());

        small.service.handle(event);

        TextOutcome row = small.index.of(small.assetOf(event)).orElseThrow();
        assertThat(row.truncated()).isTrue();
        assertThat(row.text()).isEqualTo("0123456789 abcdefghi");
        JsonNode document = json.readTree(small.blobs.bytes(row.documentKey()));
        assertThat(document.get("truncated").asBoolean()).isTrue();
        assertThat(document.get("pages")).hasSize(1);
        assertThat(document.get("pages").get(0).get("flags").toString()).isEqualTo("[\"truncated\"]");
        assertThat(document.get("warnings").get(0).asText()).startsWith("text-limit:");
    }
}
