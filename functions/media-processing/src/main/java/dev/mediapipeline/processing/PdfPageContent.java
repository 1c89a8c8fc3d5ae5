package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What page 1 holds, found without drawing it: the size of every image it can draw (image XObjects, also inside
 * forms, and inline images), and whether the page is nothing but one scanned image.
 */
final class PdfPageContent {

    /** Forms inside forms: real documents nest a few levels; deeper is a trap. */
    private static final int MAX_FORM_DEPTH = 12;
    private static final int MAX_XOBJECTS = 10_000;
    /** A scanned page's content is a handful of operators: q, cm, Do, Q. */
    private static final int MAX_SCAN_TOKENS = 64;
    /** How much of the page the image must cover to stand for it. */
    private static final double SCAN_COVERAGE = 0.9;

    private final PDImageXObject soleImage;

    private PdfPageContent(PDImageXObject soleImage) {
        this.soleImage = soleImage;
    }

    /** @throws PermanentFailureException TOO_LARGE when an image on the page has more than {@code maxPixels} */
    static PdfPageContent inspect(PDPage page, long maxPixels) throws IOException {
        PDResources resources = page.getResources();
        if (resources != null) {
            new XObjectWalk(maxPixels).walk(resources, 0);
        }
        List<Object> tokens = tokens(page, maxPixels);
        return new PdfPageContent(soleImage(page, resources, tokens).orElse(null));
    }

    /** The image to decode instead of drawing the page, when the page is exactly one upright image covering it. */
    Optional<PDImageXObject> soleImage() {
        return Optional.ofNullable(soleImage);
    }

    /** All tokens of the content stream; inline images are checked against the limit on the way. */
    private static List<Object> tokens(PDPage page, long maxPixels) throws IOException {
        if (!page.hasContents()) {
            return List.of();
        }
        List<Object> tokens = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator operator && "BI".equals(operator.getName())) {
                refuseInlineImage(operator.getImageParameters(), maxPixels);
            }
            if (tokens.size() <= MAX_SCAN_TOKENS) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static void refuseInlineImage(COSDictionary parameters, long maxPixels) {
        if (parameters == null) {
            return;
        }
        long width = Math.max(parameters.getInt(COSName.W, parameters.getInt(COSName.WIDTH, 0)), 0);
        long height = Math.max(parameters.getInt(COSName.H, parameters.getInt(COSName.HEIGHT, 0)), 0);
        refuse(width, height, maxPixels, "an inline image");
    }

    private static void refuse(long width, long height, long maxPixels, String what) {
        if (width * height > maxPixels) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, what + " on page 1 is " + width + "×" + height
                    + " pixels (" + width * height + " pixels); the limit is " + maxPixels + " pixels");
        }
    }

    private static Optional<PDImageXObject> soleImage(PDPage page, PDResources resources, List<Object> tokens)
            throws IOException {
        if (resources == null || tokens.isEmpty() || tokens.size() > MAX_SCAN_TOKENS
                || Math.floorMod(page.getRotation(), 360) != 0 || resources.getFontNames().iterator().hasNext()) {
            return Optional.empty();
        }
        List<COSName> names = new ArrayList<>();
        resources.getXObjectNames().forEach(names::add);
        if (names.size() != 1 || !(resources.getXObject(names.get(0)) instanceof PDImageXObject image)) {
            return Optional.empty();
        }
        return drawsOnlyCovering(tokens, names.get(0), page.getCropBox()) ? Optional.of(image) : Optional.empty();
    }

    /** q / cm / Do / Q and nothing else, one upright placement that covers the page. */
    private static boolean drawsOnlyCovering(List<Object> tokens, COSName image, PDRectangle page) {
        List<COSBase> operands = new ArrayList<>();
        float[] placement = null;
        int draws = 0;
        for (Object token : tokens) {
            if (token instanceof COSBase operand) {
                operands.add(operand);
                continue;
            }
            String operator = ((Operator) token).getName();
            switch (operator) {
                case "q", "Q" -> { }
                case "cm" -> {
                    if (placement != null || operands.size() != 6) {
                        return false;
                    }
                    placement = numbers(operands);
                    if (placement == null) {
                        return false;
                    }
                }
                case "Do" -> {
                    if (operands.size() != 1 || !image.equals(operands.get(0))) {
                        return false;
                    }
                    draws++;
                }
                default -> {
                    return false;
                }
            }
            operands.clear();
        }
        return draws == 1 && placement != null && isUprightCovering(placement, page);
    }

    private static float[] numbers(List<COSBase> operands) {
        float[] values = new float[operands.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(operands.get(i) instanceof COSNumber number)) {
                return null;
            }
            values[i] = number.floatValue();
        }
        return values;
    }

    /** {@code a 0 0 d e f} with positive a and d (not turned, not mirrored), covering most of the page. */
    private static boolean isUprightCovering(float[] m, PDRectangle page) {
        if (m[1] != 0 || m[2] != 0 || !(m[0] > 0) || !(m[3] > 0)) {
            return false;
        }
        double pageArea = (double) page.getWidth() * page.getHeight();
        return pageArea > 0 && (double) m[0] * m[3] >= SCAN_COVERAGE * pageArea;
    }

    /** Visits every image and form reachable from the page's resources, each stream once. */
    private static final class XObjectWalk {

        private final long maxPixels;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        XObjectWalk(long maxPixels) {
            this.maxPixels = maxPixels;
        }

        void walk(PDResources resources, int depth) throws IOException {
            if (depth > MAX_FORM_DEPTH) {
                throw new PermanentFailureException(FailureReason.CORRUPT,
                        "page 1 nests forms more than " + MAX_FORM_DEPTH + " levels deep");
            }
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object == null || !seen.add(object.getCOSObject())) {
                    continue;
                }
                if (seen.size() > MAX_XOBJECTS) {
                    throw new PermanentFailureException(FailureReason.TOO_LARGE,
                            "page 1 draws more than " + MAX_XOBJECTS + " images and forms");
                }
                if (object instanceof PDImageXObject image) {
                    refuse(image.getWidth(), image.getHeight(), maxPixels, "an image");
                } else if (object instanceof PDFormXObject form && form.getResources() != null) {
                    walk(form.getResources(), depth + 1);
                }
            }
        }
    }
}
