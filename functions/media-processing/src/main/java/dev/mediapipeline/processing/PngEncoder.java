package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.RenditionFormat;

import javax.imageio.ImageWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** Lossless PNG, 8 bits per sample, with alpha when the image has it. */
final class PngEncoder implements RenditionEncoder {

    @Override
    public RenditionFormat format() {
        return RenditionFormat.PNG;
    }

    @Override
    public byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = RenditionEncoder.writerFor(RenditionFormat.PNG);
        return RenditionEncoder.write(writer, RenditionEncoder.straightAlpha(image), writer.getDefaultWriteParam());
    }
}
