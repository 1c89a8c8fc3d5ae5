package dev.mediapipeline.processing;

import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions run with little memory. A child JVM with a 64 MB heap renders originals whose full decode would
 * need more than that: a 24 MP photo (72 MB as RGB) and a zlib bomb of 100 MP (100 MB as grey).
 */
class SmallHeapTest {

    @Test
    void largeOriginalsRenderInA64MegabyteHeap(@TempDir Path directory) throws Exception {
        Path photo = directory.resolve("photo-24mp.jpg");
        Files.write(photo, TestImages.jpeg(photoLike(6000, 4000), 0.9f));
        Path bomb = directory.resolve("bomb-100mp.png");
        Files.write(bomb, BadInputs.zlibBombPng(10_000, 10_000));

        List<String> output = runWithHeap("64m", photo.toString(), "image/jpeg", bomb.toString(), "image/png");

        assertThat(output).containsExactly(
                "photo-24mp.jpg w1024=1024x683 w512=512x341 w256=256x171",
                "bomb-100mp.png w1024=1024x1024 w512=512x512 w256=256x256");
    }

    /** Gradients and noise, so that the file is as large as a camera's and decoding touches real data. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x3060A0), width, height, new Color(0xE0A040)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        byte[] samples = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(24);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) Math.max(0, Math.min(255, (samples[i] & 0xFF) + random.nextInt(31) - 15));
        }
        return image;
    }

    private static List<String> runWithHeap(String heap, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                RenderFiles.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
        assertThat(process.exitValue()).as("child JVM exit status; output:%n%s", output).isZero();
        return output.lines().filter(line -> !line.startsWith("SLF4J")).toList();
    }
}
