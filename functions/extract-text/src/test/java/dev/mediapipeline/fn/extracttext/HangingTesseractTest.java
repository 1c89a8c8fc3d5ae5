package dev.mediapipeline.fn.extracttext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.ledger.LedgerState;
import dev.mediapipeline.domain.text.ExtractTextService;
import dev.mediapipeline.domain.text.ExtractTextService.Outcome;
import dev.mediapipeline.domain.text.TextExtractionFailed;
import dev.mediapipeline.domain.text.TextOutcome;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStatus;
import dev.mediapipeline.domain.text.TextStrategy;
import dev.mediapipeline.processing.text.TesseractCli;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An OCR engine that never finishes: killed at the timeout with its children, recorded, never retried. */
class HangingTesseractTest {

    @TempDir
    Path directory;

    private HangingTesseract tesseract;
    private Path work;

    @BeforeEach
    void installTheHangingProgram() throws IOException {
        tesseract = HangingTesseract.in(directory);
        work = Files.createDirectory(directory.resolve("work"));
    }

    private Pipeline pipeline(Duration pageTimeout, Duration assetBudget, int parallelism) {
        TextSettings defaults = TextSettings.defaults();
        TextSettings settings = new TextSettings(TextStrategy.AUTO, List.of("eng"), defaults.maxPages(), assetBudget,
                pageTimeout, defaults.maxTextBytes(), defaults.maxBytes(), defaults.maxPixels(), defaults.dpi(),
                parallelism, defaults.minTextChars());
        return new Pipeline(new TesseractCli(tesseract.command(), work), settings);
    }

    private static BufferedImage scan(String text) {
        return Scans.page(text, Scans.Look.clean(Font.SERIF, 12), 3);
    }

    @Test
    void aHangingImageIsKilledAtThePageTimeoutRecordedAsATimeoutAndNotRetried() throws IOException {
        Pipeline pipeline = pipeline(Duration.ofSeconds(1), Duration.ofMinutes(1), 2);
        StorageObjectEvent event = pipeline.upload("documents", "image/png", TestImages.png(scan("Stuck")));

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.FAILED);

        assertThat(tesseract.processes()).as("the program and its child").hasSize(2)
                .noneMatch(HangingTesseract::running);
        TextOutcome row = pipeline.index.of(pipeline.assetOf(event)).orElseThrow();
        assertThat(row.status()).isEqualTo(TextStatus.FAILED);
        assertThat(row.failure().reason().code()).isEqualTo("timeout");
        assertThat(row.failure().detail()).contains("killed");
        assertThat(pipeline.events.published(TextExtractionFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.reason()).isEqualTo("timeout"));
        assertThat(pipeline.ledger.find(ExtractTextService.ledgerKey(event)).orElseThrow().state())
                .isEqualTo(LedgerState.FAILED);

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.DUPLICATE);
        assertThat(tesseract.hangingRuns()).as("runs of the engine after the redelivery").isEqualTo(1);
        try (var left = Files.list(work)) {
            assertThat(left).as("temporary OCR files").isEmpty();
        }
    }

    @Test
    void aPageThatHangsCostsOnlyThatPage() throws IOException {
        Pipeline pipeline = pipeline(Duration.ofSeconds(1), Duration.ofMinutes(1), 2);
        byte[] pdf = Pdfs.create().scan(scan("Fine"), Pdfs.ScanEncoding.JPEG)
                .scan(scan("Stuck"), Pdfs.ScanEncoding.FLATE).bytes();
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf", pdf);

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.EXTRACTED);

        TextOutcome row = pipeline.index.of(pipeline.assetOf(event)).orElseThrow();
        JsonNode pages = new ObjectMapper().readTree(pipeline.blobs.bytes(row.documentKey())).get("pages");
        assertThat(pages.get(0).get("text").asText()).isEqualTo("Answered");
        assertThat(pages.get(1).get("text").asText()).isEmpty();
        assertThat(pages.get(1).get("flags").toString()).isEqualTo("[\"ocr-timeout\"]");
        assertThat(row.text()).isEqualTo("Answered");
        assertThat(tesseract.processes()).noneMatch(HangingTesseract::running);
    }

    @Test
    void theAssetsOcrBudgetStopsTheRunningPageAndSkipsTheRest() {
        Pipeline pipeline = pipeline(Duration.ofSeconds(30), Duration.ofSeconds(1), 1);
        byte[] pdf = Pdfs.create().scan(scan("One"), Pdfs.ScanEncoding.FLATE).scan(scan("Two"), Pdfs.ScanEncoding.FLATE)
                .scan(scan("Three"), Pdfs.ScanEncoding.FLATE).bytes();
        StorageObjectEvent event = pipeline.upload("documents", "application/pdf", pdf);

        assertThat(pipeline.service.handle(event)).isEqualTo(Outcome.FAILED);

        assertThat(tesseract.hangingRuns()).as("pages the engine was started on").isEqualTo(1);
        assertThat(tesseract.processes()).noneMatch(HangingTesseract::running);
        TextOutcome row = pipeline.index.of(pipeline.assetOf(event)).orElseThrow();
        assertThat(row.failure().reason().code()).isEqualTo("timeout");
        assertThat(row.failure().detail()).contains("budget");
    }
}
