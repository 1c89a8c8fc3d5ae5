package dev.mediapipeline.domain.text;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.Failure;

import java.util.List;
import java.util.Objects;

/**
 * What the catalog keeps about an asset's text: a summary for listings and the full text for search.
 *
 * @param documentKey where the JSON document lives; null when FAILED
 * @param confidence  mean OCR confidence 0..100; null when no page was recognised
 * @param text        every page's text (empty when FAILED), at most the configured number of bytes
 */
public record TextOutcome(AssetId assetId, String sourceIdentity, TextStatus status, Failure failure, String documentKey,
                          String engine, String engineVersion, List<String> languages, TextStrategy strategy,
                          int pageCount, int pagesRead, int ocrPages, boolean truncated, Double confidence,
                          String text) {

    public TextOutcome {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(strategy, "strategy");
        languages = List.copyOf(languages);
        text = text == null ? "" : text;
        if ((status == TextStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure is given exactly when the status is FAILED");
        }
    }

    public static TextOutcome extracted(TextDocument document, String documentKey) {
        return new TextOutcome(document.assetId(), document.sourceIdentity(), TextStatus.EXTRACTED, null, documentKey,
                document.engine(), document.engineVersion(), document.languages(), document.strategy(),
                document.pageCount(), document.pages().size(), document.ocrPages(), document.truncated(),
                document.meanConfidence().isPresent() ? document.meanConfidence().getAsDouble() : null,
                document.fullText());
    }

    public static TextOutcome failed(AssetId assetId, String sourceIdentity, Failure failure, String engine,
                                     TextSettings settings) {
        return new TextOutcome(assetId, sourceIdentity, TextStatus.FAILED, failure, null, engine, null,
                settings.languages(), settings.strategy(), 0, 0, 0, false, null, "");
    }
}
