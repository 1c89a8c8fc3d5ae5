package dev.mediapipeline.testkit.media;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Valid PDFs built with PDFBox, with content a test can find in the pixels: a {@link #MARK} block in the top-left
 * quarter of page 1 (its top-left corner at 10 % of the page's width and height, a fifth of the width wide and a
 * fifth of the height tall), and lines of black text in the lower half.
 */
public final class TestPdfs {

    /** The colour of the block on page 1. */
    public static final int MARK = Quadrant.TOP_LEFT.rgb();

    private TestPdfs() {
    }

    /** An A4 page of text with the mark: the common case, and the benchmark's text PDF. */
    public static byte[] textPage() {
        return save(document -> addMarkedPage(document, PDRectangle.A4, true));
    }

    /** A page of the given size in points with the mark and some text. */
    public static byte[] markedPage(float widthPoints, float heightPoints) {
        return save(document -> addMarkedPage(document, new PDRectangle(widthPoints, heightPoints), true));
    }

    /** A page with the mark whose UserUnit makes each unit {@code userUnit}/72 inch. */
    public static byte[] markedPageWithUserUnit(float widthPoints, float heightPoints, float userUnit) {
        return save(document -> addMarkedPage(document, new PDRectangle(widthPoints, heightPoints), false)
                .setUserUnit(userUnit));
    }

    /** A page turned a quarter clockwise by its /Rotate entry. */
    public static byte[] rotatedMarkedPage() {
        return save(document -> addMarkedPage(document, PDRectangle.A4, false).setRotation(90));
    }

    /**
     * A scanned page: the JPEG drawn over the whole page and nothing else, the page the size of the image in
     * points (as scanners write them at 72 dpi).
     */
    public static byte[] scannedJpegPage(byte[] jpeg) {
        return save(document -> {
            PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
            drawAlone(document, image);
        });
    }

    /** A scanned page whose image is Flate-coded (lossless), so the PDF library decodes it. */
    public static byte[] scannedLosslessPage(java.awt.image.BufferedImage picture) {
        return save(document -> drawAlone(document, LosslessFactory.createFromImage(document, picture)));
    }

    /**
     * Bad-inputs.md row 13: the text page protected with AES-128. With an empty {@code userPassword} anyone may
     * open it and only the owner password guards permissions.
     */
    public static byte[] encrypted(String userPassword, String ownerPassword) {
        return save(document -> {
            addMarkedPage(document, PDRectangle.A4, true);
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** Bad-inputs.md row 12: {@code pages} pages, the first one marked, the others empty. */
    public static byte[] manyPages(int pages) {
        return save(document -> {
            addMarkedPage(document, PDRectangle.A4, false);
            for (int i = 1; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
        });
    }

    private static void drawAlone(PDDocument document, PDImageXObject image) throws IOException {
        PDPage page = new PDPage(new PDRectangle(image.getWidth(), image.getHeight()));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, image.getWidth(), image.getHeight());
        }
    }

    static PDPage addMarkedPage(PDDocument document, PDRectangle size, boolean withText) throws IOException {
        PDPage page = new PDPage(size);
        document.addPage(page);
        float width = size.getWidth();
        float height = size.getHeight();
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.setNonStrokingColor(new Color(MARK));
            content.addRect(width * 0.1f, height * 0.7f, width * 0.2f, height * 0.2f);
            content.fill();
            if (withText) {
                content.setNonStrokingColor(Color.BLACK);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), Math.max(1, height / 60));
                content.setLeading(height / 45);
                content.newLineAtOffset(width * 0.1f, height * 0.45f);
                for (int line = 0; line < 12; line++) {
                    content.showText("The quick brown fox jumps over the lazy dog. Line " + (line + 1) + ".");
                    content.newLine();
                }
                content.endText();
            }
        }
        return page;
    }

    interface DocumentWriter {
        void write(PDDocument document) throws IOException;
    }

    static byte[] save(DocumentWriter writer) {
        try (PDDocument document = new PDDocument()) {
            writer.write(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
