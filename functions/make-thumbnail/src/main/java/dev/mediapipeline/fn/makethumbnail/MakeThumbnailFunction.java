package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService.Result;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * make-thumbnail (storage trigger). The platform edge decodes its payload into a {@link StorageObjectEvent};
 * this function hands it to {@link MakeThumbnailService}, counts what happened, and warms the CDN with new
 * renditions when one is configured. Bad input is recorded and acknowledged by the service; a
 * {@link dev.mediapipeline.domain.error.TransientFailureException} escapes so the platform retries.
 */
public final class MakeThumbnailFunction implements Consumer<StorageObjectEvent> {

    private final MakeThumbnailService service;
    private final ThumbnailMetrics metrics;
    private final Optional<CdnWarmer> cdn;

    MakeThumbnailFunction(MakeThumbnailService service, ThumbnailMetrics metrics, Optional<CdnWarmer> cdn) {
        this.service = service;
        this.metrics = metrics;
        this.cdn = cdn;
    }

    @Override
    public void accept(StorageObjectEvent event) {
        long start = System.nanoTime();
        Result result;
        try {
            result = service.handle(event);
        } catch (RuntimeException retried) {
            metrics.recordRetried(Duration.ofNanos(System.nanoTime() - start));
            throw retried;
        }
        metrics.record(result, Duration.ofNanos(System.nanoTime() - start));
        if (!result.renditions().isEmpty()) {
            cdn.ifPresent(warmer -> warmer.warm(result.renditions()));
        }
    }
}
