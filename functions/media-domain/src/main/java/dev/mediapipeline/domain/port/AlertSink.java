package dev.mediapipeline.domain.port;

/** Where operational alerts go (a webhook for Slack and similar tools, a log line locally). */
public interface AlertSink {

    void send(Alert alert);

    /** @param level {@code warn}, {@code error} or {@code resolved}; {@code text} is shown to people as is */
    record Alert(String resource, String level, double usage, double limit, double ratio, String text) {
    }
}
