package dev.mediapipeline.testkit.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds JPEG marker segments by hand and splices them into a JPEG written by ImageIO. */
final class JpegSegments {

    static final int APP1 = 0xE1;
    static final int APP2 = 0xE2;
    static final int APP14 = 0xEE;
    /** A segment's length field counts itself and is 16 bits wide. */
    static final int MAX_PAYLOAD = 0xFFFF - 2;

    private JpegSegments() {
    }

    static byte[] segment(int marker, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a JPEG segment holds at most " + MAX_PAYLOAD + " bytes");
        }
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload)
                .array();
    }

    /** The segments placed after SOI and the JFIF APP0 segment (if any), where readers expect metadata. */
    static byte[] insertAfterHeader(byte[] jpeg, byte[]... segments) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG: no SOI marker");
        }
        int position = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            position += 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        out.write(jpeg, 0, position);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, position, jpeg.length - position);
        return out.toByteArray();
    }

    /** An Exif APP1 payload whose IFD0 holds only the Orientation tag (0x0112), big-endian TIFF. */
    static byte[] exifOrientation(int orientation) {
        return ByteBuffer.allocate(6 + 8 + 2 + 12 + 4)
                .put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0)
                .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)
                .array();
    }

    /** An Adobe APP14 payload; transform 0 says the four components are CMYK as stored. */
    static byte[] adobeCmyk() {
        return adobe(0);
    }

    /** An Adobe APP14 payload; transform 2 says the first three of four components are YCbCr-coded CMY. */
    static byte[] adobeYcck() {
        return adobe(2);
    }

    private static byte[] adobe(int transform) {
        return ByteBuffer.allocate(12)
                .put("Adobe".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 100).putShort((short) 0).putShort((short) 0).put((byte) transform)
                .array();
    }

    /** The profile in APP2 "ICC_PROFILE" chunks, each with its sequence number and the chunk count. */
    static List<byte[]> iccSegments(byte[] profile) {
        byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int chunkSize = JpegSegments.MAX_PAYLOAD - signature.length - 2;
        int chunks = (profile.length + chunkSize - 1) / chunkSize;
        if (chunks > 255) {
            throw new IllegalArgumentException("an ICC profile spans at most 255 JPEG segments");
        }
        List<byte[]> segments = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            int from = i * chunkSize;
            int length = Math.min(chunkSize, profile.length - from);
            ByteBuffer payload = ByteBuffer.allocate(signature.length + 2 + length)
                    .put(signature).put((byte) (i + 1)).put((byte) chunks).put(profile, from, length);
            segments.add(JpegSegments.segment(JpegSegments.APP2, payload.array()));
        }
        return segments;
    }
}
