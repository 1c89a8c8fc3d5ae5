package dev.mediapipeline.support.config;

import dev.mediapipeline.domain.thumbnail.RenditionFormat;
import dev.mediapipeline.domain.thumbnail.ThumbnailLimits;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.domain.upload.UploadPolicy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

/** Turns {@link MediaProperties} into the domain's values once, at startup. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(MediaProperties.class)
public class MediaDomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    UploadPolicy uploadPolicy(MediaProperties properties) {
        return UploadPolicyProperties.toPolicy(properties.upload());
    }

    @Bean
    @ConditionalOnMissingBean
    ThumbnailSpec thumbnailSpec(MediaProperties properties) {
        MediaProperties.Thumbnails t = properties.thumbnails();
        ThumbnailLimits limits = new ThumbnailLimits(t.maxPixels(), t.maxBytes().toBytes(), t.maxFrames(),
                t.maxPdfPages(), t.timeBudget());
        return new ThumbnailSpec(t.sizes(), RenditionFormat.fromCode(t.format()), RenditionFormat.fromCode(t.alphaFormat()),
                t.quality(), limits);
    }

    /** Names this process in the processing ledger, so a takeover is visible in the logs. */
    @Bean
    @ConditionalOnMissingBean
    WorkerIdentity workerIdentity() {
        return new WorkerIdentity(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
