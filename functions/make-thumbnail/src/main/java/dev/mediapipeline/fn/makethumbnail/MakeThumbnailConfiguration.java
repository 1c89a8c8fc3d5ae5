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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Wires make-thumbnail as the bean {@code makeThumbnail} (the name Spring Cloud Function routes to). */
@AutoConfiguration(after = MediaDomainConfiguration.class)
@ConditionalOnBean({BlobStore.class, AssetCatalog.class, ProcessingLedger.class, EventPublisher.class, ObjectUrls.class})
public class MakeThumbnailConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Thumbnailer thumbnailer() {
        return new ImageIoThumbnailer();
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
    MakeThumbnailFunction makeThumbnail(MakeThumbnailService service) {
        return new MakeThumbnailFunction(service);
    }
}
