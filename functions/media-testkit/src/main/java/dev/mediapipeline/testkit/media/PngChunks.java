package dev.mediapipeline.testkit.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Writes a PNG chunk by chunk, so that a test can say anything in the header, true or not. */
final class PngChunks {

    static final int GREY = 0;
    static final int RGB = 2;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PngChunks() {
        out.writeBytes(SIGNATURE);
    }

    /** A PNG that starts with this IHDR: 8 bits per sample, no interlacing. */
    static PngChunks withHeader(int width, int height, int colourType) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width).putInt(height)
                .put((byte) 8).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        return new PngChunks().chunk("IHDR", ihdr.array());
    }

    PngChunks chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        try {
            out.write(ByteBuffer.allocate(4).putInt(data.length).array());
            out.write(typeBytes);
            out.write(data);
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] end() {
        chunk("IEND", new byte[0]);
        return out.toByteArray();
    }
}
