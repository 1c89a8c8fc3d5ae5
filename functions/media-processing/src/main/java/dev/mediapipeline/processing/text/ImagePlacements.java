package dev.mediapipeline.processing.text;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a page draws its images, found by following the graphics state through the content stream without
 * decoding any image or glyph. This is what tells a scanned page (one image covering the page) from a page of text.
 */
final class ImagePlacements extends PDFStreamEngine {

    /** Forms nested deeper than this are not followed; real documents nest a few levels. */
    private static final int MAX_FORM_DEPTH = 12;
    /** A scan fills its page; cropping and scanner margins leave a little uncovered. */
    private static final double SCAN_COVERAGE = 0.85;
    /** Rotation or skew in the placement larger than this (as a share of the scale) means "render instead". */
    private static final double MAX_SHEAR = 0.01;

    /**
     * @param image null for an inline image, which cannot be handed over on its own
     * @param ctm   the transformation that maps the image's unit square onto the page
     */
    record Placement(PDImageXObject image, Matrix ctm, double coverage) {

        /** Drawn upright and unflipped, so its pixels read the same way as the page. */
        boolean upright() {
            float a = ctm.getScaleX();
            float d = ctm.getScaleY();
            return a > 0 && d > 0 && Math.abs(ctm.getShearX()) <= MAX_SHEAR * a
                    && Math.abs(ctm.getShearY()) <= MAX_SHEAR * d;
        }

        /** Pixels per inch of the image as drawn. */
        int dpi() {
            double inches = ctm.getScaleX() / 72.0;
            return inches <= 0 ? 0 : (int) Math.round(image.getWidth() / inches);
        }
    }

    private final List<Placement> placements = new ArrayList<>();
    private Rectangle2D pageArea;

    private ImagePlacements() {
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new Concatenate(this));
        addOperator(new DrawImageOrForm(this));
        addOperator(new InlineImage(this));
    }

    static ImagePlacements of(PDPage page) throws IOException {
        ImagePlacements engine = new ImagePlacements();
        PDRectangle crop = page.getCropBox();
        engine.pageArea = new Rectangle2D.Float(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(),
                crop.getHeight());
        engine.processPage(page);
        return engine;
    }

    List<Placement> placements() {
        return List.copyOf(placements);
    }

    /** The share of the page under images (overlaps counted once per image, capped at 1). */
    double imageCoverage() {
        return Math.min(1.0, placements.stream().mapToDouble(Placement::coverage).sum());
    }

    /**
     * The page's one scan: a single image XObject, drawn upright over (nearly) the whole page. Such a page is OCR'd
     * from the image itself, at the scanner's resolution, rather than from a rendering of the page.
     */
    Optional<Placement> scannedImage() {
        if (placements.size() != 1) {
            return Optional.empty();
        }
        Placement only = placements.get(0);
        return only.image() != null && !only.image().isStencil() && only.coverage() >= SCAN_COVERAGE && only.upright()
                ? Optional.of(only) : Optional.empty();
    }

    private void record(PDImageXObject image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix().clone();
        placements.add(new Placement(image, ctm, coverageOf(ctm)));
    }

    private double coverageOf(Matrix ctm) {
        double pageSize = pageArea.getWidth() * pageArea.getHeight();
        if (pageSize <= 0) {
            return 0;
        }
        Rectangle2D drawn = null;
        for (float[] corner : new float[][]{{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            Point2D.Float point = ctm.transformPoint(corner[0], corner[1]);
            if (drawn == null) {
                drawn = new Rectangle2D.Double(point.x, point.y, 0, 0);
            } else {
                drawn.add(point);
            }
        }
        Rectangle2D visible = drawn.createIntersection(pageArea);
        if (visible.isEmpty()) {
            return 0;
        }
        return visible.getWidth() * visible.getHeight() / pageSize;
    }

    /** {@code Do}: records an image; follows a form into its own content stream. */
    private static final class DrawImageOrForm extends OperatorProcessor {

        private final ImagePlacements engine;

        DrawImageOrForm(ImagePlacements engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            if (operands.isEmpty() || !(operands.get(0) instanceof COSName name) || engine.getResources() == null) {
                return;
            }
            PDXObject xobject = engine.getResources().getXObject(name);
            if (xobject instanceof PDImageXObject image) {
                engine.record(image);
            } else if (xobject instanceof PDFormXObject form && engine.getLevel() < MAX_FORM_DEPTH) {
                engine.increaseLevel();
                try {
                    engine.showForm(form);
                } finally {
                    engine.decreaseLevel();
                }
            }
        }

        @Override
        public String getName() {
            return OperatorName.DRAW_OBJECT;
        }
    }

    /** {@code BI ... ID ... EI}: an image inside the content stream; it counts towards coverage only. */
    private static final class InlineImage extends OperatorProcessor {

        private final ImagePlacements engine;

        InlineImage(ImagePlacements engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            Matrix ctm = engine.getGraphicsState().getCurrentTransformationMatrix().clone();
            engine.placements.add(new Placement(null, ctm, engine.coverageOf(ctm)));
        }

        @Override
        public String getName() {
            return OperatorName.BEGIN_INLINE_IMAGE;
        }
    }
}
