package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.EventPublisher;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import dev.mediapipeline.testkit.fakes.InMemoryProcessingLedger;
import dev.mediapipeline.testkit.fakes.RecordingEventPublisher;
import dev.mediapipeline.testkit.media.Quadrant;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpServer;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import dev.mediapipeline.testkit.media.BadInputs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** make-thumbnail as a deployable wires it: auto-configuration, typed properties, the real thumbnailer. */
class MakeThumbnailFunctionTest {

    private final InMemoryBlobStore blobs = new InMemoryBlobStore("media");
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(Clock.systemUTC());
    private final RecordingEventPublisher events = new RecordingEventPublisher();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                    MakeThumbnailConfiguration.class))
            .withBean(BlobStore.class, () -> blobs)
            .withBean(AssetCatalog.class, () -> catalog)
            .withBean(ProcessingLedger.class, () -> new InMemoryProcessingLedger(Clock.systemUTC()))
            .withBean(EventPublisher.class, () -> events)
            .withBean(ObjectUrls.class, () -> key -> "https://cdn.example/" + key);

    private StorageObjectEvent uploaded(byte[] jpeg) throws IOException {
        AssetId id = AssetId.random();
        String key = SignUploadService.objectKeyFor("products", id, "image/jpeg");
        catalog.insert(Asset.pending(id, "products", "photo.jpg", "image/jpeg", jpeg.length, key, "alice", Instant.now()));
        BlobInfo info = blobs.put(key, new ByteArrayInputStream(jpeg), "image/jpeg", Map.of());
        return new StorageObjectEvent("media", key, info.generation(), jpeg.length, "image/jpeg", Map.of(), Instant.now());
    }

    /** An S3-style write: its generation is {@code versionId|sequencer}, as the AWS edge decodes it. */
    private StorageObjectEvent uploadedToS3(byte[] jpeg, String versionAndSequencer) throws IOException {
        StorageObjectEvent local = uploaded(jpeg);
        return new StorageObjectEvent("media-bucket", local.key(), versionAndSequencer, local.size(), local.contentType(),
                Map.of(), Instant.now());
    }

    @Test
    void theBeanMakesUprightRenditionsOfTheConfiguredSizes() {
        runner.withPropertyValues("media.thumbnails.sizes=100,300").run(context -> {
            StorageObjectEvent event = uploaded(TestImages.quadrantsJpeg(1200, 900, 6));

            context.getBean("makeThumbnail", MakeThumbnailFunction.class).accept(event);

            AssetId id = catalog.findByObjectKey(event.key()).orElseThrow().id();
            assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.READY);
            List<Rendition> renditions = catalog.renditions(id);
            assertThat(renditions).extracting(Rendition::name).containsExactly("w300", "w100");
            BufferedImage largest = ImageIO.read(new ByteArrayInputStream(blobs.bytes(renditions.get(0).objectKey())));
            assertThat(largest.getWidth()).isEqualTo(225);
            assertThat(largest.getHeight()).isEqualTo(300);
            // Orientation 6 turns the picture a quarter clockwise: what was top-left is now top-right.
            assertThat(closeTo(largest.getRGB(largest.getWidth() * 3 / 4, largest.getHeight() / 4), Quadrant.TOP_LEFT.rgb()))
                    .isTrue();
            assertThat(events.published(AssetEnriched.class)).singleElement()
                    .satisfies(e -> assertThat(e.renditions().get(0).url()).startsWith("https://cdn.example/derived/"));
        });
    }

    @Test
    void withoutThePortsTheFunctionIsNotCreated() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                        MakeThumbnailConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("makeThumbnail"));
    }

    private static boolean closeTo(int actual, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((actual >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }

    @Test
    void processedFailedAndDurationAreCountedUnderTheirScrapedNames() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        runner.withBean(MeterRegistry.class, () -> prometheus).run(context -> {
            MakeThumbnailFunction function = context.getBean("makeThumbnail", MakeThumbnailFunction.class);

            function.accept(uploaded(TestImages.quadrantsJpeg(400, 300)));
            function.accept(uploaded(BadInputs.windowsExecutable()));
            function.accept(uploaded(BadInputs.truncatedJpeg()));

            String scraped = prometheus.scrape();
            assertThat(scraped).contains("media_thumbnails_processed_total 1.0",
                    "media_thumbnails_failed_total{reason=\"type\"} 1.0",
                    "media_thumbnails_failed_total{reason=\"corrupt\"} 1.0",
                    "media_thumbnail_duration_seconds_count{outcome=\"rendered\"} 1",
                    "media_thumbnail_duration_seconds_count{outcome=\"failed\"} 2");
        });
    }

    @Test
    void withoutARegistryOfItsOwnTheFunctionCountsInMemory() {
        runner.run(context -> {
            context.getBean("makeThumbnail", MakeThumbnailFunction.class).accept(uploaded(TestImages.quadrantsJpeg(40, 30)));

            assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(SimpleMeterRegistry.class);
            assertThat(context.getBean(MeterRegistry.class).get(ThumbnailMetrics.PROCESSED).counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aRetryableFaultIsTimedAndRethrown() {
        runner.run(context -> {
            StorageObjectEvent event = uploaded(TestImages.quadrantsJpeg(40, 30));
            blobs.failNextOperations(1);

            assertThatThrownBy(() -> context.getBean("makeThumbnail", MakeThumbnailFunction.class).accept(event))
                    .isInstanceOf(TransientFailureException.class);
            assertThat(context.getBean(MeterRegistry.class).get(ThumbnailMetrics.DURATION).tag("outcome", "retried")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void eachNewRenditionIsRequestedOnceThroughTheCdn() throws IOException {
        List<String> requested = new CopyOnWriteArrayList<>();
        HttpServer cdn = cdnAnswering(requested, Duration.ZERO);
        try {
            runner.withPropertyValues("media.thumbnails.cdn-base-url=http://127.0.0.1:" + cdn.getAddress().getPort() + "/cdn/")
                    .run(context -> {
                        StorageObjectEvent event = uploaded(TestImages.quadrantsJpeg(1200, 900));
                        MakeThumbnailFunction function = context.getBean("makeThumbnail", MakeThumbnailFunction.class);

                        function.accept(event);
                        function.accept(event);

                        AssetId id = catalog.findByObjectKey(event.key()).orElseThrow().id();
                        List<String> expected = catalog.renditions(id).stream().map(r -> "/cdn/" + r.objectKey()).toList();
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        awaitCount(registry, "200", 3);
                        assertThat(requested).containsExactlyInAnyOrderElementsOf(expected);
                    });
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void aSlowCdnIsCountedAsATimeoutWithoutHoldingTheFunction() throws IOException {
        HttpServer cdn = cdnAnswering(new CopyOnWriteArrayList<>(), Duration.ofSeconds(3));
        try {
            runner.withPropertyValues("media.thumbnails.cdn-base-url=http://127.0.0.1:" + cdn.getAddress().getPort(),
                    "media.thumbnails.cdn-prefetch-timeout=200ms").run(context -> {
                long start = System.nanoTime();

                context.getBean("makeThumbnail", MakeThumbnailFunction.class).accept(uploaded(TestImages.quadrantsJpeg(400, 300)));

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                awaitCount(context.getBean(MeterRegistry.class), "timeout", 3);
            });
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void anS3IdentityWithVersionAndSequencerGivesOneSetOfRenditionsAcrossRedeliveries() {
        runner.run(context -> {
            StorageObjectEvent event = uploadedToS3(TestImages.quadrantsJpeg(400, 300),
                    "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nrjfkd|0055B1B2C3D4E5F6");
            MakeThumbnailFunction function = context.getBean("makeThumbnail", MakeThumbnailFunction.class);

            function.accept(event);
            int writes = blobs.putCount();
            function.accept(event);

            AssetId id = catalog.findByObjectKey(event.key()).orElseThrow().id();
            assertThat(catalog.renditions(id)).hasSize(3).allSatisfy(rendition -> assertThat(rendition.objectKey())
                    .matches("derived/" + id + "/[0-9a-f]{16}/w\\d+\\.jpg"));
            assertThat(blobs.putCount()).isEqualTo(writes);
            assertThat(blobs.stat(catalog.renditions(id).get(0).objectKey()).orElseThrow().metadata())
                    .containsEntry(RenditionKeys.SOURCE_METADATA, event.identity());
        });
    }

    /** Bad-inputs.md row 22 through the bean: the finalize event of a rendition it wrote is ignored. */
    @Test
    void ourOwnRenditionArrivingAsAnEventIsIgnored() {
        runner.run(context -> {
            MakeThumbnailFunction function = context.getBean("makeThumbnail", MakeThumbnailFunction.class);
            StorageObjectEvent original = uploaded(TestImages.quadrantsJpeg(400, 300));
            function.accept(original);
            Rendition rendition = catalog.renditions(catalog.findByObjectKey(original.key()).orElseThrow().id()).get(0);
            BlobInfo written = blobs.stat(rendition.objectKey()).orElseThrow();
            int writes = blobs.putCount();

            function.accept(new StorageObjectEvent("media", rendition.objectKey(), written.generation(), written.size(),
                    written.contentType(), written.metadata(), Instant.now()));

            assertThat(blobs.putCount()).isEqualTo(writes);
            assertThat(events.published(AssetEnriched.class)).hasSize(1);
            assertThat(context.getBean(MeterRegistry.class).get(ThumbnailMetrics.DURATION).tag("outcome", "ignored_rendition")
                    .timer().count()).isEqualTo(1);
        });
    }

    private static HttpServer cdnAnswering(List<String> requested, Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void awaitCount(MeterRegistry registry, String status, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Counter counter = registry.find(CdnWarmer.PREFETCH).tag("status", status).counter();
            if (counter != null && counter.count() >= expected) {
                assertThat(counter.count()).isEqualTo(expected);
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("media_cdn_prefetch_total{status=" + status + "} did not reach " + expected);
    }
}
