package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.error.PipelineException;
import dev.mediapipeline.domain.port.TextExtractor;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.ExtractedText;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.PageFlag;
import dev.mediapipeline.domain.text.PageSource;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStrategy;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TextExtractor} for PDFs (PDFBox text layer, OCR for the pages that need it) and images (OCR directly,
 * within the pixel cap). Pages are read in order by the calling thread; OCR runs in parallel beside it.
 *
 * <p>Bad input becomes a {@link PermanentFailureException}: a user password ({@code encrypted}; a PDF with only an
 * owner password is read), a file PDFBox cannot parse or that nests objects until the stack runs out
 * ({@code corrupt}), an image over the pixel cap ({@code too-large}). Limits that only cut the work short (pages over
 * the cap, the OCR budget) leave warnings and page flags instead.
 */
public final class PdfBoxTextExtractor implements TextExtractor {

    public static final String PDF = "application/pdf";

    /** A page at least this much covered by images is a scan when its text layer is short. */
    private static final double IMAGE_PAGE = 0.5;

    private final TextRecognizer recognizer;

    public PdfBoxTextExtractor(TextRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public boolean canExtract(String contentType) {
        return PDF.equals(contentType) || ImageHeader.EXTENSIONS.containsKey(contentType);
    }

    @Override
    public ExtractedText extract(InputStream source, String contentType, TextSettings settings) throws IOException {
        long start = System.nanoTime();
        byte[] bytes = source.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        if (bytes.length == 0) {
            throw new PermanentFailureException(FailureReason.EMPTY, "the file has no bytes");
        }
        if (bytes.length > settings.maxBytes()) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the file is larger than "
                    + settings.maxBytes() + " bytes");
        }
        Timings timings = new Timings(start);
        timings.lap("read");
        if (PDF.equals(contentType)) {
            return pdf(bytes, settings, timings);
        }
        if (ImageHeader.EXTENSIONS.containsKey(contentType)) {
            return image(bytes, contentType, settings, timings);
        }
        throw new PermanentFailureException(FailureReason.UNSUPPORTED, "no text can be extracted from " + contentType);
    }

    private ExtractedText image(byte[] bytes, String contentType, TextSettings settings, Timings timings)
            throws IOException {
        ImageHeader header = ImageHeader.read(bytes, contentType);
        if (header.pixels() > settings.maxPixels()) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the image is " + header.width() + "×"
                    + header.height() + " pixels; text is recognised in images up to " + settings.maxPixels()
                    + " pixels");
        }
        timings.lap("header");
        String version = recognizer.engineVersion();
        List<String> warnings = new ArrayList<>();
        PageText page;
        try (ParallelOcr ocr = new ParallelOcr(recognizer, settings)) {
            ocr.awaitSlot();
            ocr.submit(1, new OcrImage(bytes, ImageHeader.EXTENSIONS.get(contentType), 0));
            page = ocr.results().get(1);
            warnings.addAll(ocr.warnings());
        }
        timings.lap("ocr");
        return new ExtractedText(1, List.of(page), recognizer.engine(), version, warnings, timings.laps());
    }

    private ExtractedText pdf(byte[] bytes, TextSettings settings, Timings timings) throws IOException {
        try (PDDocument document = open(bytes)) {
            timings.lap("parse");
            return pages(document, settings, timings);
        } catch (PipelineException alreadyClassified) {
            throw alreadyClassified;
        } catch (IOException | RuntimeException | StackOverflowError broken) {
            throw new PermanentFailureException(FailureReason.CORRUPT, "the PDF cannot be read: " + broken, broken);
        }
    }

    private static PDDocument open(byte[] bytes) throws IOException {
        try {
            return Loader.loadPDF(bytes);
        } catch (InvalidPasswordException locked) {
            throw new PermanentFailureException(FailureReason.ENCRYPTED,
                    "the PDF is protected by a password that is needed to open it", locked);
        }
    }

    private ExtractedText pages(PDDocument document, TextSettings settings, Timings timings) throws IOException {
        int pageCount = document.getNumberOfPages();
        int toRead = Math.min(pageCount, settings.maxPages());
        List<String> warnings = new ArrayList<>();
        if (pageCount > toRead) {
            warnings.add("page-cap: the document has " + pageCount + " pages; the first " + toRead + " were read");
        }
        String[] layer = settings.strategy() == TextStrategy.OCR_ALL ? null : PdfPageTexts.read(document, toRead);
        timings.lap("textLayer");

        PageText[] pages = new PageText[toRead];
        List<Integer> needOcr = new ArrayList<>();
        for (int index = 0; index < toRead; index++) {
            PDPage page = document.getPage(index);
            PageText fromLayer = layer == null ? null : fromTextLayer(index + 1, page, layer[index], settings);
            if (fromLayer != null) {
                pages[index] = fromLayer;
            } else if (!page.hasContents()) {
                pages[index] = new PageText(index + 1, layer == null ? PageSource.OCR : PageSource.TEXT_LAYER, "",
                        null, Set.of(PageFlag.BLANK));
            } else {
                needOcr.add(index);
            }
        }
        timings.lap("classify");

        String version = null;
        if (!needOcr.isEmpty()) {
            version = recognizer.engineVersion();
            recognise(document, needOcr, pages, settings, warnings, timings);
        }
        return new ExtractedText(pageCount, List.of(pages), recognizer.engine(), version, warnings, timings.laps());
    }

    /**
     * The page as its text layer has it, or null when the page goes to OCR instead. Under {@code auto} a page keeps
     * its text layer unless the layer is empty or garbled, or short on a page that is mostly image (a scan with a
     * page number stamped on it).
     */
    private static PageText fromTextLayer(int number, PDPage page, String raw, TextSettings settings) {
        TextLayerQuality quality = TextLayerQuality.of(raw);
        if (settings.strategy() == TextStrategy.TEXT_ONLY) {
            if (!quality.isEmpty() && !quality.garbled()) {
                return PageText.fromTextLayer(number, raw);
            }
            return PageText.unread(number, PageSource.TEXT_LAYER,
                    page.hasContents() ? PageFlag.NO_TEXT_LAYER : PageFlag.BLANK);
        }
        if (quality.garbled() || quality.isEmpty()) {
            return null;
        }
        if (quality.wordCharacters() >= settings.minTextChars() || imageCoverage(page) < IMAGE_PAGE) {
            return PageText.fromTextLayer(number, raw);
        }
        return null;
    }

    /** A page whose drawing cannot be followed keeps the text it has: 0, as if it had no image. */
    private static double imageCoverage(PDPage page) {
        try {
            return ImagePlacements.of(page).imageCoverage();
        } catch (IOException unreadable) {
            return 0;
        }
    }

    private void recognise(PDDocument document, List<Integer> needOcr, PageText[] pages, TextSettings settings,
                           List<String> warnings, Timings timings) throws IOException {
        PageImages images = new PageImages(document, settings);
        long preparingNanos = 0;
        try (ParallelOcr ocr = new ParallelOcr(recognizer, settings)) {
            for (int index : needOcr) {
                int number = index + 1;
                if (ocr.budgetSpent() || !ocr.awaitSlot()) {
                    ocr.warn(number, "page " + number + ": not recognised, the OCR budget of "
                            + settings.maxOcrTime().toSeconds() + " s was spent");
                    pages[index] = PageText.unread(number, PageSource.OCR, PageFlag.OCR_BUDGET_EXHAUSTED);
                    continue;
                }
                long preparing = System.nanoTime();
                PageImages.Prepared prepared = prepare(images, document, index, ocr);
                preparingNanos += System.nanoTime() - preparing;
                if (prepared instanceof PageImages.Prepared.Ready ready) {
                    ready.note().ifPresent(note -> ocr.warn(number, note));
                    ocr.submit(number, ready.image());
                    continue;
                }
                ocr.releaseSlot();
                if (prepared instanceof PageImages.Prepared.TooLarge tooLarge) {
                    ocr.warn(number, tooLarge.detail());
                    pages[index] = PageText.unread(number, PageSource.OCR, PageFlag.TOO_LARGE);
                } else if (prepared == null) {
                    pages[index] = PageText.unread(number, PageSource.OCR, PageFlag.OCR_FAILED);
                } else {
                    pages[index] = new PageText(number, PageSource.OCR, "", null, Set.of(PageFlag.BLANK));
                }
            }
            ocr.results().forEach((number, text) -> pages[number - 1] = text);
            warnings.addAll(ocr.warnings());
        }
        timings.add("prepareImages", preparingNanos);
        timings.lap("ocr");
    }

    /** The page's OCR image; null (with a warning) when PDFBox cannot draw the page, which fails that page only. */
    private static PageImages.Prepared prepare(PageImages images, PDDocument document, int index, ParallelOcr ocr) {
        try {
            return images.prepare(index, ImagePlacements.of(document.getPage(index)));
        } catch (IOException | RuntimeException broken) {
            ocr.warn(index + 1, "page " + (index + 1) + " cannot be drawn: " + broken.getMessage());
            return null;
        }
    }

    /** Wall-clock milliseconds by step, for the document's {@code timingsMs}. */
    private static final class Timings {

        private final Map<String, Long> laps = new LinkedHashMap<>();
        private long last;

        Timings(long start) {
            this.last = start;
        }

        void lap(String step) {
            long now = System.nanoTime();
            laps.merge(step, (now - last) / 1_000_000, Long::sum);
            last = now;
        }

        void add(String step, long nanos) {
            laps.merge(step, nanos / 1_000_000, Long::sum);
        }

        Map<String, Long> laps() {
            return laps;
        }
    }
}
