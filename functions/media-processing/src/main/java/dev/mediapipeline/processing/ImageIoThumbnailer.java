package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Renders JPEG, PNG, GIF (first frame), WebP, BMP and TIFF originals through ImageIO, and page 1 of PDFs
 * through PDFBox.
 *
 * <ul>
 *   <li>Every limit of {@link dev.mediapipeline.domain.thumbnail.ThumbnailLimits} is checked from the header before
 *       decoding: pixel floods, frame floods, page floods and scan floods cost no memory and little time.</li>
 *   <li>The original is decoded once, subsampled to just above the largest rendition; each smaller rendition
 *       is scaled from the one before it. A PDF page is rendered once, at the largest size.</li>
 *   <li>Renditions are upright (EXIF orientation applied), 8-bit sRGB (embedded profiles converted), and carry no
 *       metadata from the original. Originals with transparent pixels get the spec's alpha format.</li>
 *   <li>Sizes are longest edges; an image smaller than a size gets a rendition at its own size.</li>
 *   <li>The time budget is checked between steps, whenever a decoder asks for more bytes, and before each PDF
 *       drawing operator.</li>
 * </ul>
 *
 * Stateless and safe to share between threads.
 */
public final class ImageIoThumbnailer implements Thumbnailer {

    static final String PDF = "application/pdf";

    @Override
    public boolean canRender(String contentType) {
        return PDF.equalsIgnoreCase(contentType) || SourceFormat.forContentType(contentType).isPresent();
    }

    @Override
    public List<EncodedRendition> render(InputStream source, String contentType, ThumbnailSpec spec) throws IOException {
        Deadline deadline = Deadline.after(spec.limits().timeBudget());
        DecodedImage decoded;
        if (PDF.equalsIgnoreCase(contentType)) {
            decoded = PdfFirstPage.decode(source, spec, deadline);
        } else {
            SourceFormat format = SourceFormat.forContentType(contentType).orElseThrow(() -> new PermanentFailureException(
                    FailureReason.UNSUPPORTED, "no thumbnails for " + contentType));
            decoded = ImageDecoder.decode(source, format, spec, deadline);
        }
        return RenditionChain.make(decoded, spec, deadline);
    }
}
