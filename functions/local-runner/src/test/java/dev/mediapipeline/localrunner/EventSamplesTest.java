package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EventSamplesTest {

    private static final Path EVENTS = Path.of("../../events").toAbsolutePath().normalize();

    @Test
    void theLocalFinalizedSampleDecodesAsTheBusDeliversIt() throws Exception {
        StorageObjectEvent event = LocalEventBus.json().readValue(
                Files.readAllBytes(EVENTS.resolve("local/local-storage-finalized.json")), StorageObjectEvent.class);

        assertThat(event.identity())
                .isEqualTo("local-media/originals/products/0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d.jpg#1767225600000000");
        assertThat(event.size()).isEqualTo(482113);
        assertThat(event.key()).startsWith(LocalRunnerConfiguration.ORIGINALS_PREFIX);
    }
}
