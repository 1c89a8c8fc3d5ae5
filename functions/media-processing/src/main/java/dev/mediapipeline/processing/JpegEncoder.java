package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.RenditionFormat;

import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** Baseline JPEG with a JFIF header and nothing else. */
final class JpegEncoder implements RenditionEncoder {

    private final float quality;

    JpegEncoder(float quality) {
        this.quality = quality;
    }

    @Override
    public RenditionFormat format() {
        return RenditionFormat.JPEG;
    }

    @Override
    public byte[] encode(BufferedImage rgb) throws IOException {
        ImageWriter writer = RenditionEncoder.writerFor(RenditionFormat.JPEG);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (param instanceof JPEGImageWriteParam jpegParam) {
            // A second pass over a thumbnail is cheap and saves some 5-10 % of every byte served.
            jpegParam.setOptimizeHuffmanTables(true);
        }
        return RenditionEncoder.write(writer, rgb, param);
    }
}
