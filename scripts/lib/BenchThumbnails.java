import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.processing.ImageIoThumbnailer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The thumbnail benchmark, run by scripts/bench-thumbnails. For each input it alternates our thumbnailer (all
 * sizes, warm, in this JVM) with the peer command line tools, and prints one tab-separated result line per input:
 * {@code RESULT <input> <our median ms> <peer median ms> <peer>}. With {@code --peak-heap FILE TYPE} it renders
 * the file a few times and prints {@code PEAK <MB>}, the peak heap used, for a child JVM with a small -Xmx.
 */
public final class BenchThumbnails {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 15;
    private static final int[] SIZES = {1024, 512, 256};

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--peak-heap")) {
            peakHeap(Path.of(args[1]), args[2]);
            return;
        }
        Path fixtures = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        Path png = work.resolve("graphic-2000.png");
        Path pdf = work.resolve("text-page.pdf");
        if (args.length > 2 && args[2].equals("--inputs-only")) {
            writePng(png);
            writeTextPdf(pdf);
            return;
        }
        bench("JPEG 12 MP", fixtures.resolve("photo-12mp.jpg"), "image/jpeg", work, false);
        bench("JPEG 24 MP", fixtures.resolve("photo-24mp.jpg"), "image/jpeg", work, false);
        bench("PNG 2000x2000", png, "image/png", work, false);
        bench("PDF text page 1", pdf, "application/pdf", work, true);
    }

    private static void bench(String name, Path input, String type, Path work, boolean pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(input);
        ImageIoThumbnailer thumbnailer = new ImageIoThumbnailer();
        ThumbnailSpec spec = ThumbnailSpec.defaults();
        long[] ours = new long[MEASURED];
        long[] peer = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long start = System.nanoTime();
            List<EncodedRendition> renditions = thumbnailer.render(new ByteArrayInputStream(bytes), type, spec);
            long oursNanos = System.nanoTime() - start;
            if (renditions.size() != SIZES.length) {
                throw new IllegalStateException(name + ": expected 3 renditions, got " + renditions.size());
            }
            start = System.nanoTime();
            if (pdf) {
                pdftoppm(input, work);
            } else {
                vipsChained(input, work);
            }
            long peerNanos = System.nanoTime() - start;
            if (i >= WARM_UP) {
                ours[i - WARM_UP] = oursNanos;
                peer[i - WARM_UP] = peerNanos;
            }
        }
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%.1f\t%.1f\t%s%n", name, median(ours), median(peer),
                pdf ? "pdftoppm" : "vipsthumbnail");
    }

    /** 1024 from the original, 512 from the 1024, 256 from the 512, as a pipeline on libvips would. */
    private static void vipsChained(Path input, Path work) throws Exception {
        Path from = input;
        for (int size : SIZES) {
            Path out = work.resolve("vips-" + size + ".jpg");
            run("vipsthumbnail", from.toString(), "--size", size + "x" + size, "-o", out + "[Q=85,strip]");
            from = out;
        }
    }

    /** Page 1 drawn at each size. */
    private static void pdftoppm(Path input, Path work) throws Exception {
        for (int size : SIZES) {
            run("pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-scale-to", Integer.toString(size), "-jpeg",
                    "-jpegopt", "quality=85", input.toString(), work.resolve("poppler-" + size).toString());
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double value = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return value / 1_000_000.0;
    }

    private static void peakHeap(Path file, String type) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ImageIoThumbnailer thumbnailer = new ImageIoThumbnailer();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        for (int i = 0; i < 3; i++) {
            thumbnailer.render(new ByteArrayInputStream(bytes), type, ThumbnailSpec.defaults());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "PEAK\t%.1f%n", peak / (1024.0 * 1024.0));
    }

    /** A 2000×2000 RGB graphic: gradients, shapes and a little noise, as a product shot exported to PNG. */
    private static void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setPaint(new GradientPaint(0, 0, new Color(0xF4F1EA), 2000, 2000, new Color(0xC9D6E3)));
        graphics.fillRect(0, 0, 2000, 2000);
        Random random = new Random(2000);
        for (int i = 0; i < 40; i++) {
            graphics.setColor(new Color(random.nextInt(0x1000000)));
            graphics.fillOval(random.nextInt(1800), random.nextInt(1800), 100 + random.nextInt(300), 100 + random.nextInt(300));
        }
        graphics.dispose();
        for (int y = 0; y < 2000; y += 2) {
            for (int x = 0; x < 2000; x += 3) {
                int rgb = image.getRGB(x, y);
                image.setRGB(x, y, rgb ^ random.nextInt(4) * 0x010101);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** An A4 page of running text in Helvetica with a heading, the common office document. */
    private static void writeTextPdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                content.newLineAtOffset(60, 770);
                content.showText("Quarterly report");
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(15);
                content.newLineAtOffset(0, -30);
                String line = "The quick brown fox jumps over the lazy dog; sphinx of black quartz, judge my vow. ";
                for (int i = 0; i < 44; i++) {
                    content.showText((line + line).substring(i % 20, i % 20 + 86));
                    content.newLine();
                }
                content.endText();
            }
            document.save(file.toFile());
        }
    }
}
