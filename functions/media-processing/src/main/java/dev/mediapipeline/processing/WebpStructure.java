package dev.mediapipeline.processing;

import javax.imageio.stream.ImageInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;

/** Counts the frames of a WebP (its ANMF chunks) by walking the RIFF chunk list without decoding. */
final class WebpStructure {

    private static final int RIFF_HEADER = 12;
    private static final int ANMF = fourCc("ANMF");

    private WebpStructure() {
    }

    /**
     * The number of animation frames (1 for a still image), counting stops at {@code stopAfter}. Leaves the
     * stream where it found it.
     */
    static int countFrames(ImageInputStream stream, int stopAfter) throws IOException {
        long start = stream.getStreamPosition();
        ByteOrder order = stream.getByteOrder();
        int frames = 0;
        try {
            stream.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            stream.seek(start + RIFF_HEADER);
            while (frames < stopAfter) {
                int type = stream.readInt();
                long size = Integer.toUnsignedLong(stream.readInt());
                if (type == ANMF) {
                    frames++;
                }
                stream.seek(stream.getStreamPosition() + size + (size & 1));
            }
        } catch (EOFException endOfChunks) {
            // the last chunk was read
        } finally {
            stream.setByteOrder(order);
            stream.seek(start);
        }
        return Math.max(frames, 1);
    }

    private static int fourCc(String name) {
        return name.charAt(0) | name.charAt(1) << 8 | name.charAt(2) << 16 | name.charAt(3) << 24;
    }
}
