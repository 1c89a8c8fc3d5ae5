package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.ThumbnailLimits;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Page 1 of a PDF as an image at the largest rendition size.
 *
 * <p>Memory stays flat whatever the document: the original is spooled to a temporary file and PDFBox reads it
 * from there, caching decoded streams in temporary files too (never on the heap); the page count is read from the
 * page tree before any page is touched; every image on the page is checked against the pixel limit from its
 * dictionary; images are decoded subsampled. A page that is a single scanned image is not rendered at all: the
 * image is decoded directly, as a photo would be.
 */
final class PdfFirstPage {

    private PdfFirstPage() {
    }

    /**
     * @throws PermanentFailureException EMPTY, CORRUPT, ENCRYPTED (a user password), TOO_LARGE or TIMEOUT
     * @throws IOException               when the source stream or the temporary directory fails
     */
    static DecodedImage decode(InputStream source, ThumbnailSpec spec, Deadline deadline) throws IOException {
        Path spooled = Files.createTempFile("media-pdf-", ".pdf");
        try {
            Files.copy(source, spooled, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(spooled) == 0) {
                throw new PermanentFailureException(FailureReason.EMPTY, "the PDF has no bytes");
            }
            deadline.check("after reading the PDF");
            return decode(spooled, spec, deadline);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private static DecodedImage decode(Path file, ThumbnailSpec spec, Deadline deadline) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            return firstPage(document, spec, deadline);
        } catch (PermanentFailureException failure) {
            throw failure;
        } catch (InvalidPasswordException locked) {
            throw new PermanentFailureException(FailureReason.ENCRYPTED,
                    "the PDF is protected by a password needed to open it", locked);
        } catch (IOException | RuntimeException damaged) {
            deadline.check("while reading the PDF");
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "the PDF is damaged and cannot be read: " + damaged.getMessage(), damaged);
        } catch (StackOverflowError nested) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "the PDF's objects are nested too deeply to be read", nested);
        }
    }

    private static DecodedImage firstPage(PDDocument document, ThumbnailSpec spec, Deadline deadline) throws IOException {
        ThumbnailLimits limits = spec.limits();
        int pages = document.getNumberOfPages();
        if (pages > limits.maxPdfPages()) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the PDF has " + pages
                    + " pages; the limit is " + limits.maxPdfPages());
        }
        if (pages < 1) {
            throw new PermanentFailureException(FailureReason.CORRUPT, "the PDF has no pages");
        }
        PDPage page = document.getPage(0);
        deadline.check("after reading the PDF's page tree");
        PdfPageContent content = PdfPageContent.inspect(page, limits.maxPixels());
        deadline.check("after inspecting page 1");
        Optional<PDImageXObject> scan = content.soleImage();
        if (scan.isPresent()) {
            return ScannedImage.decode(scan.get(), limits, spec.largestSize(), deadline);
        }
        return render(document, page, spec.largestSize(), deadline);
    }

    /**
     * Drawn at the resolution that makes the longest edge the largest rendition size: a page of 200 × 200 inches
     * is drawn at about 5 dpi, a business card at about 300.
     */
    private static DecodedImage render(PDDocument document, PDPage page, int largestSize, Deadline deadline)
            throws IOException {
        PDRectangle box = page.getCropBox();
        // UserUnit only says how large a unit is on paper; the renderer draws in units, as this does.
        float longestEdge = Math.max(box.getWidth(), box.getHeight());
        if (!(longestEdge > 0) || Float.isInfinite(longestEdge)) {
            throw new PermanentFailureException(FailureReason.CORRUPT, "page 1 has no area: " + box);
        }
        // Half a pixel over the size, because the renderer rounds the page's pixel size down.
        float scale = (largestSize + 0.5f) / longestEdge;
        BufferedImage pixels = new BudgetedPdfRenderer(document, deadline).renderImage(0, scale, ImageType.RGB);
        deadline.check("after drawing page 1");
        return new DecodedImage(pixels, new Dimensions(pixels.getWidth(), pixels.getHeight()), ExifOrientation.NORMAL);
    }
}
