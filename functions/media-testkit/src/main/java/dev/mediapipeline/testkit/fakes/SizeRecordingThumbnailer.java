package dev.mediapipeline.testkit.fakes;

import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for domain tests: "renders" JPEG and PNG by emitting one small payload per size (square
 * dimensions) and counts calls. Adapter tests use the real thumbnailer in media-processing.
 */
public final class SizeRecordingThumbnailer implements Thumbnailer {

    private final AtomicInteger calls = new AtomicInteger();

    public int calls() {
        return calls.get();
    }

    @Override
    public boolean canRender(String contentType) {
        return contentType.equals("image/jpeg") || contentType.equals("image/png");
    }

    @Override
    public List<EncodedRendition> render(InputStream source, String contentType, ThumbnailSpec spec) throws IOException {
        calls.incrementAndGet();
        source.readAllBytes();
        List<EncodedRendition> out = new ArrayList<>();
        for (int i = spec.sizes().size() - 1; i >= 0; i--) {
            int size = spec.sizes().get(i);
            out.add(new EncodedRendition("w" + size, size, size, "jpeg", "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) size}));
        }
        return out;
    }
}
