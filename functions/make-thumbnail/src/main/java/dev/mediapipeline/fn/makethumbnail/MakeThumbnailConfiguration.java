package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.processing.ImageIoThumbnailer;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.MediaProperties;
import dev.mediapipeline.support.config.WorkerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/** Wires make-thumbnail as the bean {@code makeThumbnail} (the name Spring Cloud Function routes to). */
@AutoConfiguration(after = MediaDomainConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({BlobStore.class, AssetCatalog.class, ProcessingLedger.class, EventPublisher.class, ObjectUrls.class})
public class MakeThumbnailConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Thumbnailer thumbnailer() {
        return new ImageIoThumbnailer();
    }

    /** Meters stay in memory unless the deployable brings a registry that exports them. */
    @Bean
    @ConditionalOnMissingBean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    MakeThumbnailService makeThumbnailService(AssetCatalog catalog, BlobStore blobs, ProcessingLedger ledger,
                                              Thumbnailer thumbnailer, EventPublisher events, ObjectUrls urls,
                                              UploadPolicy policy, ThumbnailSpec spec, WorkerIdentity worker,
                                              MediaProperties properties) {
        return new MakeThumbnailService(catalog, blobs, ledger, thumbnailer, events, urls, policy, spec, worker.name(),
                properties.thumbnails().lease());
    }

    @Bean
    MakeThumbnailFunction makeThumbnail(MakeThumbnailService service, MeterRegistry registry, MediaProperties properties) {
        MediaProperties.Thumbnails thumbnails = properties.thumbnails();
        Optional<CdnWarmer> cdn = Optional.ofNullable(thumbnails.cdnBaseUrl())
                .filter(url -> !url.isBlank())
                .map(url -> new CdnWarmer(url, thumbnails.cdnPrefetchTimeout(), registry));
        return new MakeThumbnailFunction(service, new ThumbnailMetrics(registry), cdn);
    }
}
