package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.TextSettings;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The image OCR reads for one PDF page. A page that is one scanned image is read from that image, at the scanner's
 * resolution (a JPEG or JPEG 2000 scan is handed over as it is stored, without decoding it here); any other page is
 * rendered in grey at the configured resolution, lower when the page is so large that it would exceed the pixel
 * cap. Not thread safe: one instance per document, used by one thread.
 */
final class PageImages {

    /** Below this a page's text is too small to read; a page that can only be rendered smaller is too large. */
    private static final int MIN_DPI = 72;
    /** Scans finer than this many times the configured resolution are decoded subsampled. */
    private static final double OVERSAMPLED = 1.5;

    sealed interface Prepared {

        /** @param note a warning for people when the image is not what was asked for (lower resolution) */
        record Ready(OcrImage image, Optional<String> note) implements Prepared {
        }

        /** Nothing is written on the page; OCR is not needed to know it. */
        record Blank() implements Prepared {
        }

        record TooLarge(String detail) implements Prepared {
        }
    }

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final TextSettings settings;

    PageImages(PDDocument document, TextSettings settings) {
        this.document = document;
        this.settings = settings;
        this.renderer = new PDFRenderer(document);
        // Draws images larger than the output at the output's size: a 30000² scan costs what the page costs.
        this.renderer.setSubsamplingAllowed(true);
    }

    /** @param index 0-based page index */
    Prepared prepare(int index, ImagePlacements placements) throws IOException {
        PDPage page = document.getPage(index);
        if (page.getRotation() % 360 == 0) {
            Optional<ImagePlacements.Placement> scan = placements.scannedImage();
            if (scan.isPresent()) {
                Optional<Prepared> direct = fromScan(scan.get());
                if (direct.isPresent()) {
                    return direct.get();
                }
            }
        }
        return rendered(index, page);
    }

    private Optional<Prepared> fromScan(ImagePlacements.Placement scan) throws IOException {
        PDImageXObject image = scan.image();
        long pixels = (long) image.getWidth() * image.getHeight();
        int dpi = scan.dpi();
        if (pixels <= 0 || pixels > settings.maxPixels() || dpi < MIN_DPI) {
            return Optional.empty();
        }
        List<COSName> filters = image.getStream().getFilters();
        if (filters.equals(List.of(COSName.DCT_DECODE)) && storedAsIs(image)) {
            return Optional.of(ready(raw(image), "jpg", dpi));
        }
        if (filters.equals(List.of(COSName.JPX_DECODE))) {
            return Optional.of(ready(raw(image), "jp2", dpi));
        }
        int subsampling = dpi > settings.dpi() * OVERSAMPLED ? dpi / settings.dpi() : 1;
        BufferedImage decoded = image.getImage(null, subsampling);
        GreyPixels grey = GreyPixels.of(decoded);
        if (grey.looksBlank()) {
            return Optional.of(new Prepared.Blank());
        }
        return Optional.of(ready(grey.pgm(), "pgm", dpi / subsampling));
    }

    /** A JPEG whose pixels mean what they say: grey or RGB, no decode array inverting them. */
    private static boolean storedAsIs(PDImageXObject image) throws IOException {
        int components = image.getColorSpace().getNumberOfComponents();
        return (components == 1 || components == 3) && image.getDecode() == null && !image.isStencil();
    }

    private static byte[] raw(PDImageXObject image) throws IOException {
        try (InputStream in = image.getCOSObject().createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    private Prepared rendered(int index, PDPage page) throws IOException {
        PDRectangle crop = page.getCropBox();
        double squareInches = (crop.getWidth() / 72.0) * (crop.getHeight() / 72.0);
        if (squareInches <= 0) {
            return new Prepared.Blank();
        }
        int dpi = settings.dpi();
        int largestDpi = (int) Math.floor(Math.sqrt(settings.maxPixels() / squareInches));
        Optional<String> note = Optional.empty();
        if (largestDpi < dpi) {
            if (largestDpi < MIN_DPI) {
                return new Prepared.TooLarge(String.format("page %d is %.0f × %.0f in; even at %d dpi it would be "
                        + "over the cap of %d pixels", index + 1, crop.getWidth() / 72.0, crop.getHeight() / 72.0,
                        MIN_DPI, settings.maxPixels()));
            }
            note = Optional.of("page " + (index + 1) + " was rendered at " + largestDpi + " dpi instead of " + dpi
                    + " to stay within the cap of " + settings.maxPixels() + " pixels");
            dpi = largestDpi;
        }
        GreyPixels grey = GreyPixels.of(renderer.renderImageWithDPI(index, dpi, ImageType.GRAY));
        if (grey.looksBlank()) {
            return new Prepared.Blank();
        }
        return new Prepared.Ready(new OcrImage(grey.pgm(), "pgm", dpi), note);
    }

    private static Prepared ready(byte[] data, String format, int dpi) {
        return new Prepared.Ready(new OcrImage(data, format, dpi), Optional.empty());
    }
}
