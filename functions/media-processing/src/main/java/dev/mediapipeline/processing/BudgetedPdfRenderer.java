package dev.mediapipeline.processing;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

import java.io.IOException;
import java.util.List;

/**
 * A PDF renderer that checks the time budget before each drawing operator, so that a page of a million tiny
 * paths ends in a timeout instead of running on. Large images are decoded subsampled to the drawn size.
 */
final class BudgetedPdfRenderer extends PDFRenderer {

    private final Deadline deadline;

    BudgetedPdfRenderer(PDDocument document, Deadline deadline) {
        super(document);
        this.deadline = deadline;
        setSubsamplingAllowed(true);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                deadline.check("while drawing page 1");
                super.processOperator(operator, operands);
            }
        };
    }
}
