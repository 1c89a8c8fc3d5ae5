import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the synthetic media fixtures: {@code java scripts/lib/MakeFixtures.java <outdir>}. JDK only, no build.
 * Every file is drawn from code with fixed seeds, so a run on the same JDK writes the same bytes.
 */
public final class MakeFixtures {

    private static final long SIX_MEBIBYTES = 6L * 1024 * 1024;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java scripts/lib/MakeFixtures.java <outdir>");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        write(out.resolve("photo-12mp.jpg"), jpeg(landscape(4000, 3000, 10), 0.88f), "4000×3000 landscape");
        write(out.resolve("photo-24mp.jpg"), jpeg(landscape(6000, 4000, 10), 0.88f), "6000×4000 landscape");
        write(out.resolve("rotated-exif-6.jpg"), withExifOrientation6(jpeg(turnedCounterclockwise(uprightArrow(480, 640)), 0.9f)),
                "640×480 stored, EXIF Orientation 6, upright 480×640");
        write(out.resolve("logo-alpha.png"), png(logo(256)), "256×256 RGBA");
        write(out.resolve("oversize-6mb.jpg"), noiseJpegJustOver(SIX_MEBIBYTES), "noise, just over 6 MiB");
        write(out.resolve("not-an-image.jpg"), fakeWindowsExecutable(), "1 KB starting with MZ");
    }

    private static void write(Path file, byte[] bytes, String description) throws IOException {
        Files.write(file, bytes);
        System.out.printf("wrote %-40s %,11d bytes  (%s)%n", file, bytes.length, description);
    }

    /** Sky, sun, three mountain ridges and a lake, with a little grain so the JPEG compresses like a photo. */
    private static BufferedImage landscape(int width, int height, int grain) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        float horizon = height * 0.62f;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1B3A6B), 0, horizon, new Color(0xF4B37A)));
        g.fillRect(0, 0, width, Math.round(horizon) + 1);

        Point2D sun = new Point2D.Float(width * 0.68f, horizon * 0.72f);
        float sunRadius = width * 0.05f;
        g.setPaint(new RadialGradientPaint(sun, sunRadius * 4, new float[]{0f, 0.25f, 0.26f, 1f},
                new Color[]{new Color(0xFFF6D8), new Color(0xFFE08A), new Color(255, 200, 120, 150), new Color(255, 180, 110, 0)}));
        g.fill(new Ellipse2D.Float((float) sun.getX() - sunRadius * 4, (float) sun.getY() - sunRadius * 4, sunRadius * 8, sunRadius * 8));

        Color[] ridgeColours = {new Color(0x7A6F8F), new Color(0x4E4A6B), new Color(0x2C2F45)};
        for (int ridge = 0; ridge < ridgeColours.length; ridge++) {
            g.setPaint(new GradientPaint(0, horizon * (0.35f + 0.12f * ridge), ridgeColours[ridge].brighter(), 0, horizon,
                    ridgeColours[ridge]));
            g.fill(ridge(width, horizon, 0.35f + 0.12f * ridge, new Random(1000 + ridge)));
        }

        g.setPaint(new GradientPaint(0, horizon, new Color(0x36506E), 0, height, new Color(0x0E1E2E)));
        g.fillRect(0, Math.round(horizon), width, height - Math.round(horizon));
        g.setStroke(new BasicStroke(Math.max(1f, height / 600f)));
        Random ripples = new Random(7);
        for (int i = 0; i < 160; i++) {
            float y = horizon + (height - horizon) * (float) Math.pow(ripples.nextFloat(), 1.6);
            float length = width * (0.02f + 0.08f * ripples.nextFloat()) * (y - horizon) / (height - horizon);
            float x = (float) sun.getX() + (ripples.nextFloat() - 0.5f) * width * 0.25f;
            g.setColor(new Color(255, 214, 150, 60 + ripples.nextInt(120)));
            g.draw(new Line2D.Float(x - length / 2, y, x + length / 2, y));
        }
        g.dispose();
        addGrain(image, grain, new Random(42));
        return image;
    }

    /** A mountain ridge from the left edge to the right, peaks between {@code top} (fraction of horizon) and it. */
    private static Path2D ridge(int width, float horizon, float top, Random random) {
        Path2D path = new Path2D.Float();
        path.moveTo(0, horizon);
        int points = 24;
        for (int i = 0; i <= points; i++) {
            float x = width * i / (float) points;
            float y = horizon * (top + (1 - top) * (0.15f + 0.6f * random.nextFloat()));
            path.lineTo(x, y);
        }
        path.lineTo(width, horizon);
        path.closePath();
        return path;
    }

    private static void addGrain(BufferedImage image, int amplitude, Random random) {
        byte[] samples = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < samples.length; i++) {
            int value = (samples[i] & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude;
            samples[i] = (byte) Math.max(0, Math.min(255, value));
        }
    }

    /** A portrait picture whose top is obvious: a sky-blue top band and an arrow pointing up. */
    private static BufferedImage uprightArrow(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x5FA8E8), 0, height, new Color(0x2E7D32)));
        g.fillRect(0, 0, width, height);
        Path2D arrow = new Path2D.Float();
        arrow.moveTo(width * 0.5, height * 0.12);
        arrow.lineTo(width * 0.8, height * 0.42);
        arrow.lineTo(width * 0.6, height * 0.42);
        arrow.lineTo(width * 0.6, height * 0.85);
        arrow.lineTo(width * 0.4, height * 0.85);
        arrow.lineTo(width * 0.4, height * 0.42);
        arrow.lineTo(width * 0.2, height * 0.42);
        arrow.closePath();
        g.setColor(new Color(0xFFF3C4));
        g.fill(arrow);
        g.setColor(new Color(0xC62828));
        g.fillRect(0, 0, width / 6, width / 6);
        g.dispose();
        return image;
    }

    /** Stored as a sideways camera would: Orientation 6 then tells viewers to turn it clockwise. */
    private static BufferedImage turnedCounterclockwise(BufferedImage upright) {
        int width = upright.getWidth();
        int height = upright.getHeight();
        BufferedImage stored = new BufferedImage(height, width, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                stored.setRGB(y, width - 1 - x, upright.getRGB(x, y));
            }
        }
        return stored;
    }

    private static byte[] withExifOrientation6(byte[] jpeg) {
        byte[] exif = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0)
                .putInt(0)
                .array();
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.writeBytes(ByteBuffer.allocate(4).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).array());
        out.writeBytes(exif);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    /** A rounded badge with a soft shadow on a transparent background. */
    private static BufferedImage logo(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float inset = size * 0.1f;
        g.setPaint(new RadialGradientPaint(new Point2D.Float(size / 2f, size * 0.55f), size * 0.5f, new float[]{0.6f, 1f},
                new Color[]{new Color(0, 0, 0, 90), new Color(0, 0, 0, 0)}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, size, size);
        g.setPaint(new GradientPaint(0, inset, new Color(0xFF7A45), 0, size - inset, new Color(0xD81B60)));
        g.fill(new RoundRectangle2D.Float(inset, inset, size - 2 * inset, size - 2 * inset, size * 0.3f, size * 0.3f));
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(new Ellipse2D.Float(size * 0.3f, size * 0.3f, size * 0.4f, size * 0.4f));
        g.dispose();
        return image;
    }

    /** Random pixels compress badly: the smallest such JPEG above the given size, found by growing its height. */
    private static byte[] noiseJpegJustOver(long minimumBytes) {
        int width = 2000;
        int height = 500;
        byte[] jpeg = jpeg(noise(width, height), 0.9f);
        while (jpeg.length <= minimumBytes) {
            height = (int) Math.ceil(height * (minimumBytes * 1.01 / jpeg.length));
            jpeg = jpeg(noise(width, height), 0.9f);
        }
        return jpeg;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        new Random(6).nextBytes(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        return image;
    }

    private static byte[] fakeWindowsExecutable() {
        byte[] bytes = new byte[1024];
        ByteBuffer.wrap(bytes)
                .put(0, "MZ".getBytes(StandardCharsets.US_ASCII))
                .put(0x3C, (byte) 0x80)
                .put(0x4E, "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII))
                .put(0x80, "PE\0\0".getBytes(StandardCharsets.US_ASCII));
        return bytes;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
