package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.UsageAlert;

/**
 * Where operational alerts go (a webhook for Slack and similar tools, a log line locally).
 * Throws {@link dev.mediapipeline.domain.error.TransientFailureException} when the alert could not be delivered,
 * so that the caller can try again at its next run instead of losing the alert.
 */
public interface AlertSink {

    void send(UsageAlert alert);
}
