package dev.mediapipeline.domain.webhook;

import java.util.Objects;

/**
 * A notification request as the HTTP edge decoded it, before anything is trusted.
 *
 * @param body            the raw bytes received
 * @param timestampHeader {@code X-Cld-Timestamp}, or null when absent
 * @param signatureHeader {@code X-Cld-Signature}, or null when absent
 * @param bodyDefect      why the edge could not read the body as a JSON object, or null when it could; a genuine
 *                        notification with a defect is recorded for inspection instead of being queued
 */
public record IncomingNotification(byte[] body, String timestampHeader, String signatureHeader, String bodyDefect) {

    public IncomingNotification {
        Objects.requireNonNull(body, "body");
    }

    public boolean readable() {
        return bodyDefect == null;
    }
}
