package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.UsageReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/** Writes each line of a {@link UsageLines} format to the log, where the platform picks them up as metrics. */
public final class LoggedUsageMetrics implements UsageMetrics {

    /**
     * The logger the lines go to. Deployables print it with a bare {@code %msg%n} pattern, so that each line is the
     * JSON document alone (see the module README).
     */
    public static final String LOGGER = "media.usage.metrics";

    private static final Logger metricsLog = LoggerFactory.getLogger(LOGGER);

    private final UsageLines format;
    private final Consumer<String> out;

    public LoggedUsageMetrics(UsageLines format) {
        this(format, line -> metricsLog.atInfo().log("{}", line));
    }

    public LoggedUsageMetrics(UsageLines format, Consumer<String> out) {
        this.format = format;
        this.out = out;
    }

    @Override
    public void publish(UsageReport report) {
        format.lines(report).forEach(out);
    }
}
