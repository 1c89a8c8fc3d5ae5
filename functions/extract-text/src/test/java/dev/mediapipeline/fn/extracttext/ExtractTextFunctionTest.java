package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.TextExtracted;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStrategy;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.processing.text.TesseractCli;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import dev.mediapipeline.testkit.fakes.InMemoryProcessingLedger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** extract-text as a deployable wires it: auto-configuration, typed properties, the real tesseract. */
class ExtractTextFunctionTest {

    private final InMemoryBlobStore blobs = new InMemoryBlobStore("media");
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(Clock.systemUTC());
    private final RecordingTextIndex index = new RecordingTextIndex();
    private final RecordingTextEvents events = new RecordingTextEvents();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                    ExtractTextConfiguration.class))
            .withBean(BlobStore.class, () -> blobs)
            .withBean(AssetCatalog.class, () -> catalog)
            .withBean(ProcessingLedger.class, () -> new InMemoryProcessingLedger(Clock.systemUTC()))
            .withBean(ObjectUrls.class, () -> key -> "https://cdn.example/" + key)
            .withBean(TextIndex.class, () -> index)
            .withBean(TextEvents.class, () -> events);

    private StorageObjectEvent uploaded(byte[] pdf) throws IOException {
        AssetId id = AssetId.random();
        String key = SignUploadService.objectKeyFor("documents", id, "application/pdf");
        catalog.insert(Asset.pending(id, "documents", "scan.pdf", "application/pdf", pdf.length, key, "alice",
                Instant.now()));
        String generation = blobs.put(key, new ByteArrayInputStream(pdf), "application/pdf", Map.of()).generation();
        return new StorageObjectEvent("media", key, generation, pdf.length, "application/pdf", Map.of(), Instant.now());
    }

    @Test
    void theBeanReadsAScannedPdfWithTheRealTesseract() {
        Tools.requireTesseract();
        runner.run(context -> {
            byte[] pdf = Pdfs.create().scan(Scans.page(KnownTexts.PARAGRAPHS.get(2), Scans.Look.clean(Font.SERIF, 12),
                    4.5), Pdfs.ScanEncoding.JPEG).bytes();
            StorageObjectEvent event = uploaded(pdf);

            context.getBean("extractText", ExtractTextFunction.class).accept(event);

            assertThat(events.published(TextExtracted.class)).singleElement().satisfies(extracted -> {
                assertThat(extracted.ocrPages()).isEqualTo(1);
                assertThat(extracted.documentUrl()).startsWith("https://cdn.example/derived/");
            });
            AssetId id = catalog.findByObjectKey(event.key()).orElseThrow().id();
            assertThat(CharacterErrorRate.of(KnownTexts.PARAGRAPHS.get(2), index.of(id).orElseThrow().text()))
                    .isLessThanOrEqualTo(0.01);
        });
    }

    @Test
    void settingsAreBoundFromMediaTextProperties() {
        runner.withPropertyValues("media.text.strategy=text-only", "media.text.languages=eng,deu",
                        "media.text.max-pages=12", "media.text.page-timeout=15s", "media.text.max-text-bytes=64KB",
                        "media.text.parallelism=3", "media.text.tesseract.command=/opt/ocr/bin/tesseract")
                .run(context -> {
                    TextSettings settings = context.getBean(TextSettings.class);
                    assertThat(settings.strategy()).isEqualTo(TextStrategy.TEXT_ONLY);
                    assertThat(settings.languages()).containsExactly("eng", "deu");
                    assertThat(settings.maxPages()).isEqualTo(12);
                    assertThat(settings.pageTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(settings.maxTextBytes()).isEqualTo(64 * 1024);
                    assertThat(settings.parallelism()).isEqualTo(3);
                    assertThat(context.getBean(TextRecognizer.class)).isInstanceOf(TesseractCli.class);
                });
    }

    @Test
    void theDefaultsAreTheIssuesDefaults() {
        runner.run(context -> {
            TextSettings settings = context.getBean(TextSettings.class);
            assertThat(settings.strategy()).isEqualTo(TextStrategy.AUTO);
            assertThat(settings.languages()).isEqualTo(List.of("eng"));
            assertThat(settings.maxPages()).isEqualTo(200);
            assertThat(settings.dpi()).isEqualTo(300);
            assertThat(settings.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        });
    }

    @Test
    void aLeaseShorterThanTheOcrBudgetStopsTheStartWithTheSettingsName() {
        runner.withPropertyValues("media.text.max-ocr-time=10m", "media.text.lease=5m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("media.text.lease"));
    }

    @Test
    void anUnknownStrategyStopsTheStart() {
        runner.withPropertyValues("media.text.strategy=guess")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("auto, text-only or ocr-all"));
    }

    @Test
    void withoutTheTextPortsTheFunctionIsNotCreated() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                        ExtractTextConfiguration.class))
                .withBean(BlobStore.class, () -> blobs)
                .withBean(AssetCatalog.class, () -> catalog)
                .withBean(ProcessingLedger.class, () -> new InMemoryProcessingLedger(Clock.systemUTC()))
                .withBean(ObjectUrls.class, () -> key -> key)
                .run(context -> assertThat(context).doesNotHaveBean("extractText"));
    }
}
