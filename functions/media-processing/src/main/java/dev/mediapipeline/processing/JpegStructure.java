package dev.mediapipeline.processing;

import javax.imageio.stream.ImageInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a JPEG says about itself before its pixels: the EXIF orientation and, for progressive files, how many
 * scans there are. Found by walking the marker segments without decoding and without holding more than one
 * segment: a file may carry hundreds of 64 KB metadata segments, and only the first Exif APP1 segment matters.
 * Anything malformed reads as "no orientation"; whether the image itself is readable is the decoder's call.
 *
 * @param orientation how the stored pixels must be turned to be upright
 * @param progressive whether the image is coded in successive scans (SOF2, SOF6, SOF10, SOF14)
 * @param scans       for a progressive image, the number of scans counted, up to one more than the limit
 *                    given to {@link #read}; 0 for a sequential one
 * @param iccProfile  the embedded ICC profile reassembled from its APP2 chunks, or null when there is none, when
 *                    its chunks are inconsistent, or when it is larger than any real profile
 */
record JpegStructure(ExifOrientation orientation, boolean progressive, int scans, byte[] iccProfile) {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int TEM = 0x01;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TIFF_SHORT = 3;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    /** Metadata sits right after SOI; a bounded walk keeps a file of tiny segments from costing time. */
    private static final int MAX_HEADER_SEGMENTS = 1024;

    private static final JpegStructure UNKNOWN = new JpegStructure(ExifOrientation.NORMAL, false, 0, null);

    /**
     * Reads from the stream's current position and leaves the stream where it found it.
     *
     * @param maxScans counting the scans of a progressive image stops after this many plus one
     */
    static JpegStructure read(ImageInputStream stream, int maxScans) throws IOException {
        long start = stream.getStreamPosition();
        try {
            return walk(stream, maxScans);
        } catch (EOFException truncated) {
            return UNKNOWN;
        } finally {
            stream.seek(start);
        }
    }

    private static JpegStructure walk(ImageInputStream stream, int maxScans) throws IOException {
        if (stream.read() != 0xFF || stream.read() != SOI) {
            return UNKNOWN;
        }
        ExifOrientation orientation = null;
        boolean progressive = false;
        IccChunks icc = new IccChunks();
        for (int segment = 0; segment < MAX_HEADER_SEGMENTS; segment++) {
            int marker = nextMarker(stream);
            if (marker < 0 || marker == EOI) {
                break;
            }
            if (marker == SOS) {
                int scans = progressive ? 1 + countScansAfterFirst(stream, maxScans) : 0;
                return new JpegStructure(orientation == null ? ExifOrientation.NORMAL : orientation, progressive, scans,
                        icc.profile());
            }
            if (marker == TEM || (marker >= RST0 && marker <= RST7)) {
                continue;
            }
            int payloadLength = stream.readUnsignedShort() - 2;
            if (payloadLength < 0) {
                break;
            }
            progressive |= isProgressiveFrame(marker);
            if (orientation == null && marker == APP1 && payloadLength > EXIF_HEADER.length) {
                byte[] payload = new byte[payloadLength];
                stream.readFully(payload);
                if (startsWithExifHeader(payload)) {
                    orientation = ExifOrientation.fromTagValue(orientationTagValue(payload));
                }
            } else if (marker == APP2 && icc.wantsMore(payloadLength)) {
                byte[] payload = new byte[payloadLength];
                stream.readFully(payload);
                icc.offer(payload);
            } else {
                stream.seek(stream.getStreamPosition() + payloadLength);
            }
        }
        return new JpegStructure(orientation == null ? ExifOrientation.NORMAL : orientation, progressive, 0,
                icc.profile());
    }

    /** SOF2, SOF6, SOF10 and SOF14 start progressive frames (Huffman or arithmetic, with or without hierarchy). */
    private static boolean isProgressiveFrame(int marker) {
        return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
    }

    /**
     * Counts FF DA pairs in bulk. Entropy-coded data stuffs every FF with 00, so a pair can only be a real SOS
     * marker or, rarely, two bytes inside a table segment between scans; a count that is a little high does
     * not matter against a limit far above what encoders write.
     */
    private static int countScansAfterFirst(ImageInputStream stream, int maxScans) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int scans = 0;
        boolean afterFF = false;
        for (int read = stream.read(buffer); read > 0; read = stream.read(buffer)) {
            for (int i = 0; i < read; i++) {
                int value = buffer[i] & 0xFF;
                if (afterFF && value == SOS && ++scans >= maxScans) {
                    return scans;
                }
                afterFF = value == 0xFF;
            }
        }
        return scans;
    }

    /** The marker code after any 0xFF fill bytes, or -1 when the bytes are not at a marker. */
    private static int nextMarker(ImageInputStream stream) throws IOException {
        if (stream.readUnsignedByte() != 0xFF) {
            return -1;
        }
        int code = stream.readUnsignedByte();
        while (code == 0xFF) {
            code = stream.readUnsignedByte();
        }
        return code;
    }

    private static boolean startsWithExifHeader(byte[] payload) {
        for (int i = 0; i < EXIF_HEADER.length; i++) {
            if (payload[i] != EXIF_HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    /** The Orientation value from IFD0 of the TIFF structure after the Exif header, or 0 when absent. */
    private static int orientationTagValue(byte[] payload) {
        ByteBuffer tiff = ByteBuffer.wrap(payload, EXIF_HEADER.length, payload.length - EXIF_HEADER.length).slice();
        if (tiff.remaining() < 8) {
            return 0;
        }
        int byteOrder = tiff.getShort(0);
        if (byteOrder == 0x4949) {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (byteOrder != 0x4D4D) {
            return 0;
        }
        if (Short.toUnsignedInt(tiff.getShort(2)) != 42) {
            return 0;
        }
        long ifdOffset = Integer.toUnsignedLong(tiff.getInt(4));
        if (ifdOffset + 2 > tiff.limit()) {
            return 0;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) ifdOffset));
        for (int i = 0; i < entries; i++) {
            long entry = ifdOffset + 2 + 12L * i;
            if (entry + 12 > tiff.limit()) {
                return 0;
            }
            int tag = Short.toUnsignedInt(tiff.getShort((int) entry));
            if (tag == ORIENTATION_TAG) {
                int type = Short.toUnsignedInt(tiff.getShort((int) entry + 2));
                return type == TIFF_SHORT ? Short.toUnsignedInt(tiff.getShort((int) entry + 8)) : 0;
            }
        }
        return 0;
    }
}
