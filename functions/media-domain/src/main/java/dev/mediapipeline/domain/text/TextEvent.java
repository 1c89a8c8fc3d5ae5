package dev.mediapipeline.domain.text;

/**
 * Events about an asset's text, published through {@link dev.mediapipeline.domain.port.TextEvents}.
 * {@link #type()} names the topic, as {@link dev.mediapipeline.domain.event.PipelineEvent#type()} does.
 */
public sealed interface TextEvent permits TextExtracted, TextExtractionFailed {

    String type();

    /** Asset id as a string: the key consumers deduplicate and order on. */
    String assetId();
}
