package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.cloud.local.LocalEventPublisher;
import dev.mediapipeline.cloud.local.LocalUploadSigner;
import dev.mediapipeline.cloud.local.RetryPolicy;
import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.runtime.PostgresPorts;
import dev.mediapipeline.support.config.MediaProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The local implementations of every port, on embedded defaults. The database ports are {@link PostgresPorts}, the
 * same as in the clouds, on the embedded (or configured) PostgreSQL below.
 */
@Configuration(proxyBeanMethods = false)
@Import(PostgresPorts.class)
class LocalRunnerConfiguration {

    /** Storage events of originals go to the bus; renditions are written elsewhere and never routed. */
    static final String ORIGINALS_PREFIX = "originals/";
    static final String STORAGE_FINALIZED = "storage.finalized";
    static final String CLOUDINARY_NOTIFICATION = "cloudinary.notification";

    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(LocalRunnerProperties local) {
        return new DataDirectoryLock(local.dataDir());
    }

    @Bean(destroyMethod = "close")
    LocalDatabase localDatabase(LocalRunnerProperties local, DataDirectoryLock lock) {
        return LocalDatabase.start(local);
    }

    @Bean
    DataSource dataSource(LocalDatabase database) {
        return database.dataSource();
    }

    /** Verified notifications wait on the bus for apply-webhook-event, with its retries and dead letters. */
    @Bean
    NotificationQueue notificationQueue(LocalEventBus bus) {
        return notification -> {
            try {
                bus.publish(CLOUDINARY_NOTIFICATION, notification);
            } catch (UncheckedIOException e) {
                throw new TransientFailureException("could not queue notification " + notification.identity(), e);
            }
        };
    }

    @Bean(destroyMethod = "close")
    LocalEventBus localEventBus(LocalRunnerProperties local, Clock clock, DataDirectoryLock lock) {
        LocalRunnerProperties.Bus bus = local.bus();
        RetryPolicy retry = new RetryPolicy(bus.maxAttempts(), bus.initialBackoff(), 2.0, java.time.Duration.ofMinutes(10));
        return new LocalEventBus(local.dataDir().resolve("bus"), retry, clock, bus.workerThreads());
    }

    @Bean
    EventPublisher eventPublisher(LocalEventBus bus) {
        return new LocalEventPublisher(bus);
    }

    @Bean
    LocalBlobStore blobStore(LocalRunnerProperties local, Clock clock, LocalEventBus bus) {
        return new LocalBlobStore(local.bucket(), local.dataDir().resolve("bucket"), clock, event -> {
            if (event.key().startsWith(ORIGINALS_PREFIX)) {
                bus.publish(STORAGE_FINALIZED, event);
            }
        });
    }

    @Bean
    LocalUploadSigner uploadSigner(MediaProperties media, Clock clock,
                                   @Value("${" + LocalDefaults.UPLOAD_SECRET + "}") String secret) {
        return new LocalUploadSigner(secret.getBytes(StandardCharsets.UTF_8), media.publicBaseUrl() + "/local-upload", clock);
    }

    @Bean
    ObjectUrls objectUrls(MediaProperties media) {
        return key -> media.publicBaseUrl() + "/blobs/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
