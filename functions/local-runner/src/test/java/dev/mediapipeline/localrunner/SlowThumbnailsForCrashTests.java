package dev.mediapipeline.localrunner;

import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.processing.ImageIoThumbnailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For {@link RunnerCrashRecoveryTest}: a thumbnailer that announces it has started (a marker file in the data
 * directory) and then takes far longer than the test waits, so the runner can be killed mid-work.
 */
@Configuration(proxyBeanMethods = false)
@Profile("slow-thumbnails")
class SlowThumbnailsForCrashTests {

    static final String STARTED_MARKER = "thumbnailing-started";

    @Bean
    Thumbnailer thumbnailer(@Value("${media.local.data-dir}") Path dataDir) {
        ImageIoThumbnailer real = new ImageIoThumbnailer();
        return new Thumbnailer() {
            @Override
            public boolean canRender(String contentType) {
                return real.canRender(contentType);
            }

            @Override
            public List<EncodedRendition> render(InputStream source, String contentType, ThumbnailSpec spec) throws IOException {
                Files.writeString(dataDir.resolve(STARTED_MARKER), "started");
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the slow thumbnailer was interrupted");
            }
        };
    }
}
