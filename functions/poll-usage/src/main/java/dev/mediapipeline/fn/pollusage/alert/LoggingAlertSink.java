package dev.mediapipeline.fn.pollusage.alert;

import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.UsageAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Alerts as log lines, when no webhook is configured (the local default). Warn and error alerts log at those levels,
 * so that a log-based alert policy can still page on them; resolved ones log at info.
 */
public final class LoggingAlertSink implements AlertSink {

    private static final Logger log = LoggerFactory.getLogger(LoggingAlertSink.class);

    @Override
    public void send(UsageAlert alert) {
        Level level = alert.level() == AlertLevel.ERROR ? Level.ERROR
                : alert.level() == AlertLevel.WARN ? Level.WARN : Level.INFO;
        log.atLevel(level).addKeyValue("provider", alert.provider()).addKeyValue("resource", alert.resource())
                .addKeyValue("level", alert.level().code()).addKeyValue("ratio", alert.ratio())
                .addKeyValue("usage", alert.usage()).addKeyValue("limit", alert.limit())
                .log(alert.text());
    }
}
