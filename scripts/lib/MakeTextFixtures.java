import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the text-extraction fixtures: {@code java scripts/lib/MakeTextFixtures.java <outdir> [--bench]}; with
 * {@code --bench} also the 10-page scanned PDF the benchmark reads (7 MB, so it is not kept in fixtures/). JDK only, no build:
 * the PDFs are written object by object here (Helvetica from the standard 14 fonts, scans as DCTDecode images), the
 * scans drawn with Java2D. Prose comes from a fixed vocabulary and fixed seeds, so a run on the same JDK writes the
 * same bytes.
 */
public final class MakeTextFixtures {

    private static final int DPI = 300;
    /** A4 in points. */
    private static final float PAGE_WIDTH = 595.28f;
    private static final float PAGE_HEIGHT = 841.89f;

    private static final String[] WORDS = ("invoice order delivery account payment customer supplier contract "
            + "warehouse shipment amount total balance office meeting report quarter budget committee approval "
            + "schedule request service product price discount tax receipt statement notice letter reference "
            + "department manager team project deadline review summary address street city number date week month "
            + "year morning afternoon please thank you regards attached enclosed following previous current new "
            + "final signed received confirmed expected planned completed available required additional several "
            + "each every all the a an of to in on for with by from at about under after before during within")
            .split(" ");

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--bench"))) {
            System.err.println("usage: java scripts/lib/MakeTextFixtures.java <outdir> [--bench]");
            System.exit(2);
        }
        boolean bench = args.length == 2;
        Path out = Files.createDirectories(Path.of(args[0]));

        List<List<String>> textPages = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            textPages.add(lines(new Random(100 + page), 48, 95));
        }
        write(out.resolve("text-10-pages.pdf"), textPdf(textPages), "10 A4 pages of Helvetica text, no images");

        BufferedImage single = scan(lines(new Random(7), 34, 80), 0.4, new Random(70));
        write(out.resolve("scan-page-300dpi.png"), pngAt300Dpi(single), "one A4 page scanned at 300 dpi, grey");

        if (bench) {
            List<byte[]> scans = new ArrayList<>();
            for (int page = 0; page < 10; page++) {
                scans.add(jpeg(scan(lines(new Random(200 + page), 34, 80), (page % 3 - 1) * 0.4,
                        new Random(300 + page)), 0.6f));
            }
            write(out.resolve("scan-10-pages.pdf"), scannedPdf(scans), "10 A4 pages, each one grey JPEG scan at 300 dpi");
        }

        List<List<String>> cover = List.of(lines(new Random(400), 12, 95));
        byte[] middle = jpeg(scan(lines(new Random(401), 20, 80), 0.8, new Random(402)), 0.6f);
        write(out.resolve("mixed-3-pages.pdf"), mixedPdf(cover.get(0), middle, lines(new Random(403), 12, 95)),
                "text page, scanned page, text page");
    }

    private static void write(Path file, byte[] bytes, String description) throws IOException {
        Files.write(file, bytes);
        System.out.printf("wrote %-40s %,11d bytes  (%s)%n", file, bytes.length, description);
    }

    /** Sentences of office prose, wrapped at {@code width} characters, {@code count} lines. */
    private static List<String> lines(Random random, int count, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean sentenceStart = true;
        while (lines.size() < count) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (random.nextInt(12) == 0) {
                word = Integer.toString(10 + random.nextInt(9990));
            }
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            boolean sentenceEnd = random.nextInt(9) == 0;
            String token = word + (sentenceEnd ? "." : random.nextInt(14) == 0 ? "," : "");
            sentenceStart = sentenceEnd;
            if (line.length() + 1 + token.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(token);
        }
        return lines;
    }

    /** An A4 sheet at 300 dpi with the lines in 11 pt serif, turned by {@code skewDegrees}, with scanner grain. */
    private static BufferedImage scan(List<String> lines, double skewDegrees, Random grain) {
        int width = Math.round(PAGE_WIDTH / 72 * DPI);
        int height = Math.round(PAGE_HEIGHT / 72 * DPI);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(246, 246, 246));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.transform(AffineTransform.getRotateInstance(Math.toRadians(skewDegrees), width / 2.0, height / 2.0));
        g.setColor(new Color(30, 30, 30));
        Font font = new Font(Font.SERIF, Font.PLAIN, 1).deriveFont(11f * DPI / 72);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int lineHeight = Math.round(metrics.getHeight() * 1.25f);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), DPI * 3 / 4, DPI + i * lineHeight);
        }
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grain.nextInt(2000) == 0) {
                    int shade = page.getRaster().getSample(x, y, 0) - 20 - grain.nextInt(40);
                    page.getRaster().setSample(x, y, 0, Math.max(0, shade));
                }
            }
        }
        return page;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG that says it is 300 dpi (pHYs), as a scanner writes it, so that OCR needs not guess. */
    private static byte[] pngAt300Dpi(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String pixelsPerMetre = Integer.toString(Math.round(DPI / 0.0254f));
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        root.appendChild(physical);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] textPdf(List<List<String>> pages) {
        PdfWriter pdf = new PdfWriter();
        for (List<String> lines : pages) {
            pdf.textPage(lines);
        }
        return pdf.finish();
    }

    private static byte[] scannedPdf(List<byte[]> scans) {
        PdfWriter pdf = new PdfWriter();
        for (byte[] scan : scans) {
            pdf.scanPage(scan);
        }
        return pdf.finish();
    }

    private static byte[] mixedPdf(List<String> first, byte[] scan, List<String> last) {
        PdfWriter pdf = new PdfWriter();
        pdf.textPage(first);
        pdf.scanPage(scan);
        pdf.textPage(last);
        return pdf.finish();
    }

    /**
     * The smallest PDF structure that readers accept without repairing it: catalog, page tree, one shared font,
     * pages with their content streams and images, a cross-reference table with exact offsets.
     */
    private static final class PdfWriter {

        private static final int CATALOG = 1;
        private static final int PAGES = 2;
        private static final int FONT = 3;

        private final List<byte[]> objects = new ArrayList<>();
        private final List<Integer> pageIds = new ArrayList<>();

        PdfWriter() {
            objects.add(null);
            objects.add(null);
            objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        }

        void textPage(List<String> lines) {
            StringBuilder content = new StringBuilder("BT /F1 10 Tf 14 TL 50 800 Td\n");
            for (String line : lines) {
                content.append('(').append(escape(line)).append(") Tj T*\n");
            }
            content.append("ET\n");
            int stream = add(stream("", ascii(content.toString())));
            page("/Font << /F1 " + FONT + " 0 R >>", stream);
        }

        void scanPage(byte[] jpeg) {
            int[] size = jpegSize(jpeg);
            int image = add(stream("/Type /XObject /Subtype /Image /Width " + size[0] + " /Height " + size[1]
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpeg));
            String draw = String.format("q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n", PAGE_WIDTH, PAGE_HEIGHT);
            int stream = add(stream("", ascii(draw)));
            page("/XObject << /Im1 " + image + " 0 R >>", stream);
        }

        byte[] finish() {
            StringBuilder kids = new StringBuilder();
            pageIds.forEach(id -> kids.append(id).append(" 0 R "));
            objects.set(CATALOG - 1, ascii("<< /Type /Catalog /Pages " + PAGES + " 0 R >>"));
            objects.set(PAGES - 1, ascii("<< /Type /Pages /Kids [" + kids.toString().strip() + "] /Count "
                    + pageIds.size() + " >>"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ascii("%PDF-1.7\n"));
            out.writeBytes(new byte[]{'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                offsets.add(out.size());
                out.writeBytes(ascii((i + 1) + " 0 obj\n"));
                out.writeBytes(objects.get(i));
                out.writeBytes(ascii("\nendobj\n"));
            }
            int xref = out.size();
            StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
            offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
            table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root ").append(CATALOG)
                    .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            out.writeBytes(ascii(table.toString()));
            return out.toByteArray();
        }

        private void page(String resources, int contents) {
            pageIds.add(add(ascii(String.format("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                    + "/Resources << %s >> /Contents %d 0 R >>", PAGES, PAGE_WIDTH, PAGE_HEIGHT, resources, contents))));
        }

        private int add(byte[] object) {
            objects.add(object);
            return objects.size();
        }

        private static byte[] stream(String dictionary, byte[] data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ascii("<< " + dictionary + " /Length " + data.length + " >>\nstream\n"));
            out.writeBytes(data);
            out.writeBytes(ascii("\nendstream"));
            return out.toByteArray();
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        }

        /** Width and height from the JPEG's start-of-frame segment. */
        private static int[] jpegSize(byte[] jpeg) {
            int i = 2;
            while (i + 9 < jpeg.length) {
                int marker = jpeg[i + 1] & 0xFF;
                int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (marker >= 0xC0 && marker <= 0xC3) {
                    int height = ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF);
                    int width = ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
                    return new int[]{width, height};
                }
                i += 2 + length;
            }
            throw new IllegalArgumentException("no start-of-frame segment in the JPEG");
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
