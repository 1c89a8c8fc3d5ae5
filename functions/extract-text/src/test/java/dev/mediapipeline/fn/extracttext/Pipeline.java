package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.ExtractTextService;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.processing.text.PdfBoxTextExtractor;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import dev.mediapipeline.testkit.fakes.InMemoryProcessingLedger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** extract-text's service on in-memory ports, with the real PDFBox extractor and the recognizer a test chooses. */
final class Pipeline {

    final InMemoryBlobStore blobs = new InMemoryBlobStore("media");
    final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(Clock.systemUTC());
    final InMemoryProcessingLedger ledger = new InMemoryProcessingLedger(Clock.systemUTC());
    final RecordingTextIndex index = new RecordingTextIndex();
    final RecordingTextEvents events = new RecordingTextEvents();
    final ExtractTextService service;

    Pipeline(TextRecognizer recognizer, TextSettings settings) {
        service = new ExtractTextService(new ExtractTextService.Ports(catalog, blobs, ledger,
                new PdfBoxTextExtractor(recognizer), new JacksonTextDocumentEncoder(), index, events,
                key -> "https://cdn.example/" + key),
                UploadPolicy.defaults(), settings, recognizer.engine(), "test-worker", Duration.ofMinutes(5));
    }

    /** Records an asset in {@code folder} and stores its bytes, as sign-upload and the upload would. */
    StorageObjectEvent upload(String folder, String contentType, byte[] content) {
        AssetId id = AssetId.random();
        String key = SignUploadService.objectKeyFor(folder, id, contentType);
        catalog.insert(Asset.pending(id, folder, "upload", contentType, content.length, key, "alice", Instant.now()));
        try {
            String generation = blobs.put(key, new ByteArrayInputStream(content), contentType, Map.of()).generation();
            return new StorageObjectEvent("media", key, generation, content.length, contentType, Map.of(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AssetId assetOf(StorageObjectEvent event) {
        return catalog.findByObjectKey(event.key()).orElseThrow().id();
    }
}
