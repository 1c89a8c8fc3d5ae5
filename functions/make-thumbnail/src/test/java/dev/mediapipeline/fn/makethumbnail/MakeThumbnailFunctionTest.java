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
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
