package dev.mediapipeline.domain.webhook;

/**
 * A moderation state of a provider copy.
 *
 * @param status {@code pending}, {@code approved}, {@code rejected}, {@code queued} or {@code aborted}, as sent
 * @param kind   who moderates: {@code manual}, {@code aws_rek}, ... (null when not said)
 */
public record ModerationVerdict(String status, String kind) {

    public ModerationVerdict {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("a moderation verdict needs a status");
        }
    }
}
