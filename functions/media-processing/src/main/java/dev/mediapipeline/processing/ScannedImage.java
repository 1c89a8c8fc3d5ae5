package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.ThumbnailLimits;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The one image of a scanned page, decoded directly instead of drawing the page around it. A JPEG scan goes
 * through the JPEG decoder with its subsampling, as fast as a photo; other encodings (CCITT fax, JBIG2, Flate)
 * through PDFBox, also subsampled.
 */
final class ScannedImage {

    private ScannedImage() {
    }

    static DecodedImage decode(PDImageXObject image, ThumbnailLimits limits, int largestSize, Deadline deadline)
            throws IOException {
        Dimensions stored = new Dimensions(image.getWidth(), image.getHeight());
        ImageDecoder.refuseOverLimit(stored, limits.maxPixels());
        if (isPlainJpeg(image)) {
            try (InputStream jpeg = image.getCOSObject().createRawInputStream()) {
                // A viewer places the image by the page's matrix; an Exif tag inside it means nothing there.
                return ImageDecoder.decode(jpeg, SourceFormat.JPEG, limits, largestSize, deadline)
                        .withOrientation(ExifOrientation.NORMAL);
            }
        }
        int factor = ImageDecoder.subsamplingFactor(stored.longestEdge(), largestSize);
        BufferedImage pixels = image.getImage(null, factor);
        deadline.check("after decoding the scanned image");
        return new DecodedImage(PixelFormats.toStandardType(pixels, null), stored, ExifOrientation.NORMAL);
    }

    /** DCT alone, in a colour space a JPEG decoder understands by itself, with no decode array or mask. */
    private static boolean isPlainJpeg(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.size() != 1 || !COSName.DCT_DECODE.equals(filters.get(0))) {
            return false;
        }
        PDColorSpace space = image.getColorSpace();
        boolean plainSpace = space instanceof PDDeviceRGB || space instanceof PDDeviceGray;
        return plainSpace && image.getDecode() == null && !image.isStencil()
                && image.getCOSObject().getDictionaryObject(COSName.SMASK) == null
                && image.getCOSObject().getDictionaryObject(COSName.MASK) == null;
    }
}
