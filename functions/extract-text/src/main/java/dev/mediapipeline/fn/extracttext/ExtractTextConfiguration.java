package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.TextDocumentEncoder;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.port.TextExtractor;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.ExtractTextService;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.processing.text.PdfBoxTextExtractor;
import dev.mediapipeline.processing.text.TesseractCli;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.WorkerIdentity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires extract-text as the bean {@code extractText} (the name Spring Cloud Function routes to). The runtime
 * provides where things are stored and announced ({@link BlobStore}, {@link AssetCatalog}, {@link ProcessingLedger},
 * {@link ObjectUrls}, {@link TextIndex}, {@link TextEvents}); the recognizer defaults to the {@code tesseract}
 * program and can be replaced by a bean of its own.
 */
@AutoConfiguration(after = MediaDomainConfiguration.class)
@ConditionalOnBean({BlobStore.class, AssetCatalog.class, ProcessingLedger.class, ObjectUrls.class, TextIndex.class,
        TextEvents.class})
@EnableConfigurationProperties(TextProperties.class)
public class ExtractTextConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TextRecognizer textRecognizer(TextProperties properties) {
        return new TesseractCli(properties.tesseract().command());
    }

    @Bean
    @ConditionalOnMissingBean
    TextExtractor textExtractor(TextRecognizer recognizer) {
        return new PdfBoxTextExtractor(recognizer);
    }

    @Bean
    @ConditionalOnMissingBean
    TextDocumentEncoder textDocumentEncoder() {
        return new JacksonTextDocumentEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    TextSettings textSettings(TextProperties properties) {
        return properties.settings();
    }

    @Bean
    ExtractTextService extractTextService(AssetCatalog catalog, BlobStore blobs, ProcessingLedger ledger,
                                          TextExtractor extractor, TextDocumentEncoder encoder, TextIndex index,
                                          TextEvents events, ObjectUrls urls, UploadPolicy policy,
                                          TextSettings settings, TextRecognizer recognizer, WorkerIdentity worker,
                                          TextProperties properties) {
        return new ExtractTextService(
                new ExtractTextService.Ports(catalog, blobs, ledger, extractor, encoder, index, events, urls),
                policy, settings, recognizer.engine(), worker.name(), properties.lease());
    }

    @Bean
    ExtractTextFunction extractText(ExtractTextService service) {
        return new ExtractTextFunction(service);
    }
}
