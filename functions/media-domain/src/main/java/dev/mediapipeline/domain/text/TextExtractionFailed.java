package dev.mediapipeline.domain.text;

/**
 * {@code asset.text-failed}: the asset's text could not be extracted; {@code reason} is a failure reason code
 * ({@code encrypted}, {@code corrupt}, {@code timeout}, ...). The asset itself may still be READY with thumbnails.
 */
public record TextExtractionFailed(String assetId, String sourceIdentity, String reason, String detail)
        implements TextEvent {

    public static final String TYPE = "asset.text-failed";

    @Override
    public String type() {
        return TYPE;
    }
}
