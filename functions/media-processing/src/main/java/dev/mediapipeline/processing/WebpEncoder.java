package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.RenditionFormat;

import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** Lossy WebP (with its alpha plane when the image has one) through the libwebp the writer bundles. */
final class WebpEncoder implements RenditionEncoder {

    private static final String LOSSY = "Lossy";

    private final float quality;

    WebpEncoder(float quality) {
        this.quality = quality;
    }

    @Override
    public RenditionFormat format() {
        return RenditionFormat.WEBP;
    }

    @Override
    public byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = RenditionEncoder.writerFor(RenditionFormat.WEBP);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(LOSSY);
        param.setCompressionQuality(quality);
        return RenditionEncoder.write(writer, RenditionEncoder.straightAlpha(image), param);
    }
}
