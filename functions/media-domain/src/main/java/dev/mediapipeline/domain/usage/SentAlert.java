package dev.mediapipeline.domain.usage;

/**
 * An alert this poll raised.
 *
 * @param delivered false when the sink failed; the level change was then undone so that the next poll tries again
 */
public record SentAlert(String resource, AlertLevel level, double ratio, boolean delivered) {
}
