package dev.mediapipeline.processing;

import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class JpegStructureTest {

    private static final byte[] SOI = {(byte) 0xFF, (byte) 0xD8};
    private static final byte[] SOS = {(byte) 0xFF, (byte) 0xDA, 0, 2};

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** Exif with IFD0 holding ImageWidth, then Orientation, in the given byte order. */
    private static byte[] exif(ByteOrder order, int orientationType, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? "II".getBytes(StandardCharsets.US_ASCII) : "MM".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 42).putInt(8).putShort((short) 2)
                .putShort((short) 0x0100).putShort((short) 4).putInt(1).putInt(4000)
                .putShort((short) 0x0112).putShort((short) orientationType).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static JpegStructure structure(byte[] jpeg) throws IOException {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            JpegStructure structure = JpegStructure.read(stream, 100);
            assertThat(stream.getStreamPosition()).as("stream rewound").isZero();
            return structure;
        }
    }

    private static ExifOrientation read(byte[] jpeg) throws IOException {
        return structure(jpeg).orientation();
    }

    @Test
    void readsLittleAndBigEndianExif() throws IOException {
        assertThat(read(concat(SOI, segment(0xE1, exif(ByteOrder.LITTLE_ENDIAN, 3, 6)), SOS)))
                .isEqualTo(ExifOrientation.ROTATE_90_CLOCKWISE);
        assertThat(read(concat(SOI, segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 3, 8)), SOS)))
                .isEqualTo(ExifOrientation.ROTATE_90_COUNTERCLOCKWISE);
    }

    @Test
    void skipsOtherSegmentsAndXmpBeforeTheExifSegment() throws IOException {
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII), new byte[60_000]);
        byte[] jpeg = concat(SOI, segment(0xE0, new byte[14]), new byte[]{(byte) 0xFF}, segment(0xE1, xmp),
                segment(0xE2, new byte[1000]), segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 3, 3)), SOS);

        assertThat(read(jpeg)).isEqualTo(ExifOrientation.ROTATE_180);
    }

    @Test
    void stopsAtTheFirstScan() throws IOException {
        assertThat(read(concat(SOI, SOS, segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 3, 6)))))
                .isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void malformedExifMeansNoTurn() throws IOException {
        byte[] valid = exif(ByteOrder.BIG_ENDIAN, 3, 6);
        byte[] wrongType = exif(ByteOrder.BIG_ENDIAN, 4, 6);
        byte[] ifdOutside = valid.clone();
        ByteBuffer.wrap(ifdOutside).putInt(6 + 4, 0x7FFF_FFF0);
        byte[] tooManyEntries = valid.clone();
        ByteBuffer.wrap(tooManyEntries).putShort(6 + 8, (short) 0xFFFF);
        tooManyEntries[6 + 8 + 2 + 12 + 1] = 0x13;
        byte[] cut = Arrays.copyOf(valid, 6 + 8 + 2 + 12 + 6);
        byte[] notTiff = valid.clone();
        notTiff[6] = 'X';

        for (byte[] payload : new byte[][]{wrongType, ifdOutside, tooManyEntries, cut, notTiff}) {
            assertThat(read(concat(SOI, segment(0xE1, payload), SOS))).isEqualTo(ExifOrientation.NORMAL);
        }
    }

    @Test
    void truncatedOrForeignBytesMeanNoTurn() throws IOException {
        byte[] jpeg = concat(SOI, segment(0xE1, exif(ByteOrder.BIG_ENDIAN, 3, 6)), SOS);

        assertThat(read(Arrays.copyOf(jpeg, 20))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(read(new byte[0])).isEqualTo(ExifOrientation.NORMAL);
        assertThat(read("MZ this is not a JPEG".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(read(concat(SOI, new byte[]{0x12, 0x34}))).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void countsTheScansOfAProgressiveImageOnly() throws IOException {
        byte[] baseline = TestImages.quadrantsJpeg(64, 48);
        byte[] progressive = BadInputs.scanFloodJpeg(64, 48, 0);
        byte[] flood = BadInputs.scanFloodJpeg(64, 48, 5000);

        assertThat(structure(baseline).progressive()).isFalse();
        assertThat(structure(baseline).scans()).isZero();
        assertThat(structure(progressive).progressive()).isTrue();
        assertThat(structure(progressive).scans()).isBetween(2, 20);
        assertThat(structure(flood).scans()).as("stops one past the limit").isEqualTo(101);
    }
}
