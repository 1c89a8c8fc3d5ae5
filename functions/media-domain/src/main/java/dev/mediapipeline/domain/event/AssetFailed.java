package dev.mediapipeline.domain.event;

/** {@code asset.failed}: processing ended in a terminal failure; {@code reason} is a failure reason code. */
public record AssetFailed(String assetId, String sourceIdentity, String reason, String detail) implements PipelineEvent {

    public static final String TYPE = "asset.failed";

    @Override
    public String type() {
        return TYPE;
    }
}
