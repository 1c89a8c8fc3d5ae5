package dev.mediapipeline.fn.extracttext;

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

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PDFs built page by page with PDFBox: born-digital text pages, scanned pages, empty pages. */
final class Pdfs {

    /** How a scanned page stores its image. */
    enum ScanEncoding { JPEG, FLATE }

    private final PDDocument document = new PDDocument();

    static Pdfs create() {
        return new Pdfs();
    }

    /** A page of real text (Helvetica 11 pt), one line per {@code \n}. */
    Pdfs text(String text) {
        try {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(14);
                content.newLineAtOffset(40, page.getMediaBox().getHeight() - 50);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of "fake bold" text: every line drawn twice, the second time shifted by a fraction of a point. */
    Pdfs fakeBold(String line) {
        try {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (float shift : new float[]{0f, 0.4f}) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(40 + shift, page.getMediaBox().getHeight() - 50);
                    content.showText(line);
                    content.endText();
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page that is one image, drawn over the whole page at the scan's resolution ({@link Scans#DPI}). */
    Pdfs scan(BufferedImage scan, ScanEncoding encoding) {
        try {
            PDImageXObject image = encoding == ScanEncoding.JPEG
                    ? JPEGFactory.createFromImage(document, scan, 0.9f)
                    : LosslessFactory.createFromImage(document, scan);
            float width = scan.getWidth() * 72f / Scans.DPI;
            float height = scan.getHeight() * 72f / Scans.DPI;
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, width, height);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page whose content draws, but nothing visible: a white rectangle over white paper. */
    Pdfs white() {
        try {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(java.awt.Color.WHITE);
                content.addRect(20, 20, 200, 300);
                content.fill();
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with no content stream at all. */
    Pdfs empty() {
        document.addPage(new PDPage(PDRectangle.A5));
        return this;
    }

    Pdfs emptyPages(int count) {
        for (int i = 0; i < count; i++) {
            empty();
        }
        return this;
    }

    /** Saves and closes the document. */
    byte[] bytes() {
        try (PDDocument closing = document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            closing.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Protected with {@code userPassword} (needed to open it; empty for "opens without one") and an owner password. */
    byte[] encrypted(String userPassword, String ownerPassword) {
        try {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
