package dev.mediapipeline.processing;

import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Functions run with little memory. A child JVM with a small heap renders originals whose full decode would need
 * far more than that, and refuses the hostile ones from their headers: if any of them were decoded, the child
 * would die of an OutOfMemoryError instead of printing the expected line.
 */
class SmallHeapTest {

    @Test
    void largeOriginalsRenderAndHostileOnesAreRefusedInA64MegabyteHeap(@TempDir Path directory) throws Exception {
        List<String> arguments = new ArrayList<>();
        arguments.addAll(file(directory, "photo-24mp.jpg", TestImages.jpeg(photoLike(6000, 4000), 0.9f), "image/jpeg"));
        arguments.addAll(file(directory, "bomb-100mp.png", BadInputs.zlibBombPng(10_000, 10_000), "image/png"));
        arguments.addAll(file(directory, "flood.png", BadInputs.pixelFloodPng(), "image/png"));
        arguments.addAll(file(directory, "overflow.png", BadInputs.dimensionOverflowPng(), "image/png"));
        arguments.addAll(file(directory, "metadata.jpg", BadInputs.hugeMetadataJpeg(200, 4_000_000), "image/jpeg"));
        arguments.addAll(file(directory, "frames.gif", BadInputs.animatedGif(5000), "image/gif"));
        arguments.addAll(file(directory, "pages.pdf", BadInputs.manyPagesPdf(10_000), "application/pdf"));
        arguments.addAll(file(directory, "huge-image.pdf", BadInputs.hugeImagePdf(), "application/pdf"));
        arguments.addAll(file(directory, "huge-page.pdf", BadInputs.hugeMediaBoxPdf(), "application/pdf"));

        List<String> output = runWithHeap("64m", arguments);

        assertThatLines(output,
                "photo-24mp.jpg w1024=1024x683 w512=512x341 w256=256x171",
                "bomb-100mp.png w1024=1024x1024 w512=512x512 w256=256x256",
                "flood.png FAILED too-large",
                "overflow.png FAILED too-large",
                "metadata.jpg w1024=640x480 w512=512x384 w256=256x192",
                "frames.gif w1024=1x1 w512=1x1 w256=1x1",
                "pages.pdf w1024=724x1024 w512=362x512 w256=181x256",
                "huge-image.pdf FAILED too-large",
                "huge-page.pdf w1024=1024x1024 w512=512x512 w256=256x256");
    }

    @Test
    void a100MegapixelJpegRendersInA128MegabyteHeap(@TempDir Path directory) throws Exception {
        List<String> arguments = file(directory, "photo-100mp.jpg", TestImages.jpeg(photoLike(12_500, 8_000), 0.85f), "image/jpeg");

        assertThatLines(runWithHeap("128m", arguments), "photo-100mp.jpg w1024=1024x655 w512=512x328 w256=256x164");
    }

    private static List<String> file(Path directory, String name, byte[] bytes, String contentType) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, bytes);
        return List.of(file.toString(), contentType);
    }

    private static void assertThatLines(List<String> output, String... expected) {
        org.assertj.core.api.Assertions.assertThat(output).as("child output").containsExactly(expected);
    }

    /** Gradients and noise, so that the file is as large as a camera's and decoding touches real data. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x3060A0), width, height, new Color(0xE0A040)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        byte[] samples = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(24);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) Math.max(0, Math.min(255, (samples[i] & 0xFF) + random.nextInt(31) - 15));
        }
        return image;
    }

    private static List<String> runWithHeap(String heap, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                RenderFiles.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
        org.assertj.core.api.Assertions.assertThat(process.exitValue()).as("child JVM exit status; output:%n%s", output).isZero();
        return output.lines().filter(line -> !line.startsWith("SLF4J") && !line.contains("WARN") && !line.isBlank()).toList();
    }
}
