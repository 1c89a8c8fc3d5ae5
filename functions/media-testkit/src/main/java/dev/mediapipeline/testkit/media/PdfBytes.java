package dev.mediapipeline.testkit.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PDF object by object, with a correct cross-reference table, so that a test can put structures in it
 * that no PDF library would write (100 000 nested arrays, a form that draws itself). Object 1 is the catalog.
 */
final class PdfBytes {

    private final List<byte[]> objects = new ArrayList<>();

    /** Adds the next object (numbered from 1) with the given body, e.g. {@code << /Type /Catalog >>}. */
    PdfBytes object(String body) {
        return object(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    PdfBytes object(byte[] body) {
        objects.add(body);
        return this;
    }

    /** A stream object body: the dictionary entries (without Length) and the raw data. */
    static byte[] stream(String dictionaryEntries, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<< " + dictionaryEntries + " /Length " + data.length + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(objects.get(i));
            out.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
