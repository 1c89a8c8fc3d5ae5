package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.thumbnail.MakeThumbnailService.Outcome;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService.Result;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * The function's meters. Named with dots, exported by Prometheus as {@code media_thumbnails_processed_total},
 * {@code media_thumbnails_failed_total{reason}} and {@code media_thumbnail_duration_seconds{outcome}}.
 */
final class ThumbnailMetrics {

    static final String PROCESSED = "media.thumbnails.processed";
    static final String FAILED = "media.thumbnails.failed";
    static final String DURATION = "media.thumbnail.duration";
    /** The outcome tag of an attempt that threw, so that the platform retries it. */
    static final String RETRIED = "retried";

    private final MeterRegistry registry;
    private final Counter processed;

    ThumbnailMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder(PROCESSED)
                .description("Originals that ended READY, with or without renditions")
                .register(registry);
    }

    void record(Result result, Duration elapsed) {
        timer(result.outcome().name().toLowerCase(Locale.ROOT)).record(elapsed);
        if (result.outcome() == Outcome.RENDERED || result.outcome() == Outcome.NOTHING_TO_RENDER) {
            processed.increment();
        }
        result.failure().ifPresent(reason -> Counter.builder(FAILED)
                .description("Originals that ended FAILED, by failure reason")
                .tag("reason", reason.code())
                .register(registry)
                .increment());
    }

    void recordRetried(Duration elapsed) {
        timer(RETRIED).record(elapsed);
    }

    private Timer timer(String outcome) {
        return Timer.builder(DURATION)
                .description("Time to handle one storage event")
                .tag("outcome", outcome)
                .register(registry);
    }
}
