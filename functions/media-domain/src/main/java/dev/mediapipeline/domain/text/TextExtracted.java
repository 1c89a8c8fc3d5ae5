package dev.mediapipeline.domain.text;

/**
 * {@code asset.text-extracted}: the asset's text document is stored and searchable.
 *
 * @param documentUrl where clients fetch the JSON document
 * @param confidence  mean OCR confidence 0..100, null when no page was recognised
 */
public record TextExtracted(String assetId, String sourceIdentity, String documentKey, String documentUrl,
                            int pageCount, int pagesRead, int ocrPages, boolean truncated, Double confidence)
        implements TextEvent {

    public static final String TYPE = "asset.text-extracted";

    @Override
    public String type() {
        return TYPE;
    }
}
