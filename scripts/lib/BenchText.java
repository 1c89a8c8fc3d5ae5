import dev.mediapipeline.domain.text.ExtractedText;
import dev.mediapipeline.domain.text.PageSource;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.processing.text.PdfBoxTextExtractor;
import dev.mediapipeline.processing.text.TesseractCli;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.cos.COSName;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * extract-text against the command-line tools, in one run:
 * {@code java -cp <media-processing classpath> scripts/lib/BenchText.java <fixtures> <work> <results.md> [--text-layer-only]}.
 * Progress goes to stderr; with {@code --text-layer-only} one table row is printed on stdout for another JDK.
 */
public final class BenchText {

    private static final int TEXT_WARMUP = 30;
    private static final int TEXT_RUNS = 21;
    private static final int PAGE_WARMUP = 1;
    private static final int PAGE_RUNS = 5;
    private static final int PDF_RUNS = 3;

    private record Row(String input, double ours, double peer, String peerName, double target, String note) {

        double ratio() {
            return ours / peer;
        }
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path results = Path.of(args[2]);
        boolean textLayerOnly = args.length > 3 && args[3].equals("--text-layer-only");
        TextSettings settings = TextSettings.defaults();
        PdfBoxTextExtractor extractor = new PdfBoxTextExtractor(new TesseractCli("tesseract", work));

        Row textLayer = textLayer(extractor, settings, fixtures.resolve("text-10-pages.pdf"));
        if (textLayerOnly) {
            System.out.println(tableRow(textLayer));
            return;
        }
        String loadAtStart = loadAverage();
        List<Row> rows = new ArrayList<>(List.of(textLayer));
        rows.addAll(scannedPage(extractor, settings, fixtures.resolve("scan-page-300dpi.png")));
        rows.addAll(scannedPdf(extractor, settings, work.resolve("scan-10-pages.pdf"), work));
        Files.writeString(results, report(rows, loadAtStart, loadAverage()));
    }

    private static Row textLayer(PdfBoxTextExtractor extractor, TextSettings settings, Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        ExtractedText text = extractor.extract(new ByteArrayInputStream(bytes), PdfBoxTextExtractor.PDF, settings);
        long ocrPages = text.pages().stream().filter(page -> page.source() != PageSource.TEXT_LAYER).count();
        String ours = text.pages().stream().map(PageText::text).collect(Collectors.joining(" "));
        String theirs = run(List.of("pdftotext", pdf.toString(), "-"), Map.of());
        double agreement = 1 - characterErrorRate(theirs, ours);
        progress("text PDF: %d pages, %d sent to OCR, %.2f %% of pdftotext's characters agree", text.pages().size(),
                ocrPages, agreement * 100);
        for (int i = 0; i < TEXT_WARMUP; i++) {
            extractor.extract(new ByteArrayInputStream(bytes), PdfBoxTextExtractor.PDF, settings);
            time(List.of("pdftotext", pdf.toString(), "-"), Map.of());
        }
        List<Double> oursMs = new ArrayList<>();
        List<Double> peerMs = new ArrayList<>();
        for (int i = 0; i < TEXT_RUNS; i++) {
            long start = System.nanoTime();
            extractor.extract(new ByteArrayInputStream(bytes), PdfBoxTextExtractor.PDF, settings);
            oursMs.add(millisSince(start));
            peerMs.add(time(List.of("pdftotext", pdf.toString(), "-"), Map.of()));
            progress("text PDF run %d/%d: ours %.1f ms, pdftotext %.1f ms", i + 1, TEXT_RUNS, oursMs.get(i),
                    peerMs.get(i));
        }
        return new Row("10-page text PDF (warm)", median(oursMs), median(peerMs), "pdftotext", 1.6,
                String.format("%d of %d pages sent to OCR; text agrees with pdftotext's to %.2f %% (CER)", ocrPages,
                        text.pages().size(), agreement * 100));
    }

    private static List<Row> scannedPage(PdfBoxTextExtractor extractor, TextSettings settings, Path png)
            throws Exception {
        byte[] bytes = Files.readAllBytes(png);
        List<String> cli = List.of("tesseract", png.toString(), "stdout", "-l", "eng");
        for (int i = 0; i < PAGE_WARMUP; i++) {
            extractor.extract(new ByteArrayInputStream(bytes), "image/png", settings);
        }
        List<Double> oursMs = new ArrayList<>();
        List<Double> singleThreadMs = new ArrayList<>();
        List<Double> defaultMs = new ArrayList<>();
        for (int i = 0; i < PAGE_RUNS; i++) {
            long start = System.nanoTime();
            extractor.extract(new ByteArrayInputStream(bytes), "image/png", settings);
            oursMs.add(millisSince(start));
            singleThreadMs.add(time(cli, Map.of("OMP_THREAD_LIMIT", "1")));
            defaultMs.add(time(cli, Map.of()));
            progress("scanned page run %d/%d: ours %.0f ms, tesseract %.0f ms (OMP_THREAD_LIMIT=1), %.0f ms (default "
                    + "threads)", i + 1, PAGE_RUNS, oursMs.get(i), singleThreadMs.get(i), defaultMs.get(i));
        }
        return List.of(
                new Row("one 300-dpi scanned page (A4 PNG)", median(oursMs), median(singleThreadMs),
                        "tesseract, OMP_THREAD_LIMIT=1", 1.1, "the same work: one process, one thread"),
                new Row("one 300-dpi scanned page (A4 PNG)", median(oursMs), median(defaultMs),
                        "tesseract, default threads", 1.1, "the CLI as installed"));
    }

    private static List<Row> scannedPdf(PdfBoxTextExtractor extractor, TextSettings settings, Path pdf, Path work)
            throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        List<Path> pages = storedScans(bytes, work);
        List<Double> oursMs = new ArrayList<>();
        List<Double> singleThreadMs = new ArrayList<>();
        List<Double> sideBySideMs = new ArrayList<>();
        for (int i = 0; i < PDF_RUNS; i++) {
            long start = System.nanoTime();
            ExtractedText text = extractor.extract(new ByteArrayInputStream(bytes), PdfBoxTextExtractor.PDF, settings);
            oursMs.add(millisSince(start));
            singleThreadMs.add(sequentially(pages, Map.of("OMP_THREAD_LIMIT", "1")));
            sideBySideMs.add(sideBySide(pages, settings.parallelism()));
            progress("10 scanned pages run %d/%d: ours %.0f ms (%d processes at once, %d pages recognised), "
                    + "tesseract one page after another %.0f ms, %d at a time %.0f ms (OMP_THREAD_LIMIT=1)", i + 1,
                    PDF_RUNS, oursMs.get(i), settings.parallelism(),
                    text.pages().stream().filter(p -> p.source() == PageSource.OCR).count(), singleThreadMs.get(i),
                    settings.parallelism(), sideBySideMs.get(i));
        }
        double defaultMs = sequentially(pages, Map.of());
        progress("10 scanned pages: tesseract one page after another %.0f ms (default threads, once)", defaultMs);
        String note = settings.parallelism() + " tesseract processes at once on " + Runtime.getRuntime()
                .availableProcessors() + " cores; the CLI reads the page JPEGs the PDF stores";
        double machine = median(sideBySideMs) / median(singleThreadMs);
        return List.of(
                new Row("10-page scanned PDF", median(oursMs), median(singleThreadMs),
                        "tesseract per page in sequence, OMP_THREAD_LIMIT=1", 0.6, note),
                new Row("10-page scanned PDF", median(oursMs), defaultMs,
                        "tesseract per page in sequence, default threads (1 run)", 0.6, note),
                new Row("10-page scanned PDF", median(oursMs), median(sideBySideMs),
                        "tesseract per page, " + settings.parallelism() + " at a time, OMP_THREAD_LIMIT=1", Double.NaN,
                        String.format(Locale.ROOT, "what the machine allows: %d CLI processes side by side take "
                                + "%.2f× the sequential time, so this ratio is our overhead", settings.parallelism(),
                                machine)));
    }

    /** The CLI on the pages, {@code processes} at a time: the best any parallel scheme can do on this machine now. */
    private static double sideBySide(List<Path> pages, int processes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            long start = System.nanoTime();
            List<Future<Double>> runs = new ArrayList<>();
            for (Path page : pages) {
                runs.add(pool.submit(() -> time(List.of("tesseract", page.toString(), "stdout", "--dpi", "300", "-l",
                        "eng"), Map.of("OMP_THREAD_LIMIT", "1"))));
            }
            for (Future<Double> run : runs) {
                run.get();
            }
            return millisSince(start);
        } finally {
            pool.shutdown();
        }
    }

    /** The page images as the PDF stores them (the JPEG streams), for the CLI to read. */
    private static List<Path> storedScans(byte[] pdf, Path work) throws IOException {
        List<Path> files = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int number = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    if (object instanceof PDImageXObject image) {
                        Path file = work.resolve(String.format("page-%02d.jpg", ++number));
                        try (InputStream in = image.getCOSObject().createRawInputStream()) {
                            Files.write(file, in.readAllBytes());
                        }
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    private static double sequentially(List<Path> pages, Map<String, String> environment) throws Exception {
        long start = System.nanoTime();
        for (Path page : pages) {
            time(List.of("tesseract", page.toString(), "stdout", "--dpi", "300", "-l", "eng"), environment);
        }
        return millisSince(start);
    }

    private static double time(List<String> command, Map<String, String> environment) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return millisSince(start);
    }

    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.MINUTES);
        return output;
    }

    private static String report(List<Row> rows, String loadAtStart, String loadAtEnd) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Text extraction benchmark\n\n");
        md.append("Command: `scripts/bench-text`, on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Machine: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(memory()).append("; ").append(os()).append(".\n");
        md.append("JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.home"))
                .append("). ").append(firstLine(run(List.of("tesseract", "--version"), Map.of()))).append(", ")
                .append(firstLine(run(List.of("pdftotext", "-v"), Map.of())).isEmpty()
                        ? pdftotextVersion() : firstLine(run(List.of("pdftotext", "-v"), Map.of())))
                .append(".\n");
        md.append("Load average (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ")
                .append(loadAtEnd).append(". Other work on the machine slows both sides");
        int niceness = niceness();
        md.append(niceness == 0 ? ".\n\n" : "; this run had niceness " + niceness + " (`nice -n " + niceness
                + " scripts/bench-text`), which ours and the peers share, to keep that work from deciding the figures.\n\n");
        md.append("Ours is `PdfBoxTextExtractor` (what the `extractText` function calls) inside a warm JVM, the file's "
                + "bytes already in memory. The peers are the command-line tools as a user would run them, process "
                + "start included; every figure is wall-clock time. Inputs come from `scripts/make-text-fixtures` "
                + "(A4 pages, 34 lines of 11 pt text per scanned page). Ratio = ours / peer; lower is better.\n\n");
        md.append("| input | ours (ms) | peer (ms) | peer | ratio | target | | note |\n");
        md.append("|---|---:|---:|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append(tableRow(row)).append('\n');
        }
        md.append("\nMedians: text PDF of ").append(TEXT_RUNS).append(" runs after ").append(TEXT_WARMUP)
                .append(" warm-up runs; scanned page of ").append(PAGE_RUNS).append(" runs after ").append(PAGE_WARMUP)
                .append(" warm-up run; scanned PDF of ").append(PDF_RUNS).append(" runs (the default-threads baseline "
                        + "once: it takes minutes). Ours and the peer alternate within each run.\n");
        return md.toString();
    }

    private static String tableRow(Row row) {
        if (Double.isNaN(row.target())) {
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.2f× | (reference) | | %s |", row.input(),
                    row.ours(), row.peer(), row.peerName(), row.ratio(), row.note());
        }
        boolean met = row.ratio() <= row.target();
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.2f× | ≤ %.1f× | %s | %s |", row.input(),
                row.ours(), row.peer(), row.peerName(), row.ratio(), row.target(), met ? "met" : "missed", row.note());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double characterErrorRate(String expected, String actual) {
        String a = expected.strip().replaceAll("\\s+", " ");
        String b = actual.strip().replaceAll("\\s+", " ");
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[b.length()] / Math.max(1, a.length());
    }

    private static void progress(String format, Object... values) {
        System.err.println("bench-text: " + String.format(Locale.ROOT, format, values));
    }

    private static String loadAverage() throws IOException {
        return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                .collect(Collectors.joining(", "));
    }

    /** Field 19 of /proc/self/stat; inherited by every process the benchmark starts, ours and the peers alike. */
    private static int niceness() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static String cpu() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] parts = line.split(":\\s+");
            info.put(parts[0], parts[1]);
        }
        long kib = Long.parseLong(info.getOrDefault("MemTotal", "0 kB").split(" ")[0]);
        return Math.round(kib / 1024.0 / 1024.0) + " GiB";
    }

    private static String os() throws IOException {
        return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("Linux");
    }

    private static String pdftotextVersion() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return firstLine(output);
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }
}
