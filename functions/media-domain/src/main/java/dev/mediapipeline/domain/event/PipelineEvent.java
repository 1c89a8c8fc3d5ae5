package dev.mediapipeline.domain.event;

/** Events the pipeline publishes for the host application. {@link #type()} names the topic. */
public sealed interface PipelineEvent permits AssetEnriched, AssetFailed {

    String type();

    /** Asset id as a string: the key consumers deduplicate and order on. */
    String assetId();
}
