package dev.mediapipeline.domain.event;

import java.util.List;

/** {@code asset.enriched}: the asset is READY and these renditions exist. */
public record AssetEnriched(String assetId, String sourceIdentity, List<RenditionRef> renditions) implements PipelineEvent {

    public static final String TYPE = "asset.enriched";

    public AssetEnriched {
        renditions = List.copyOf(renditions);
    }

    @Override
    public String type() {
        return TYPE;
    }

    public record RenditionRef(String name, int width, int height, String format, long bytes, String url) {
    }
}
