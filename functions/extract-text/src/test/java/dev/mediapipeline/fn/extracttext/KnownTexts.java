package dev.mediapipeline.fn.extracttext;

import java.util.List;

/** Ordinary business prose with numbers and punctuation, the kind users upload: invoices, letters, notices. */
final class KnownTexts {

    static final List<String> PARAGRAPHS = List.of(
            "Invoice 4711 was sent to Northwind Traders on 12 March 2024. The total amount due is 1,250.00 euros, "
                    + "payable within thirty days of the invoice date.",
            "Please find enclosed the signed contract for the office lease at 27 Harbour Street. The lease starts "
                    + "on the first of May and runs for three years.",
            "Our warehouse will be closed for inventory from Monday to Wednesday. Orders placed during that week "
                    + "will be shipped on Thursday morning.",
            "The committee approved the budget for the new library wing. Construction is expected to begin in "
                    + "autumn, once the final drawings are ready.",
            "Thank you for your application. We have received your documents and will contact you within two "
                    + "weeks about the next steps of the process.",
            "Delivery note 9382: twelve boxes of printer paper, four toner cartridges and one replacement drum "
                    + "were handed over at the reception desk.");

    private KnownTexts() {
    }
}
