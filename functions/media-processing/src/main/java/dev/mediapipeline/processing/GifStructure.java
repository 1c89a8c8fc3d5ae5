package dev.mediapipeline.processing;

import javax.imageio.stream.ImageInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Counts the frames of a GIF by walking its blocks, without decompressing any of them. Each frame's LZW data is
 * a chain of sub-blocks of at most 255 bytes, so the walk skips through the file a few bytes at a time.
 */
final class GifStructure {

    private static final int IMAGE_DESCRIPTOR = 0x2C;
    private static final int EXTENSION = 0x21;
    private static final int HEADER_AND_SCREEN_DESCRIPTOR = 6 + 7;

    private GifStructure() {
    }

    /**
     * The number of frames, counting stops at {@code stopAfter}. Reads from the stream's current position and
     * leaves the stream where it found it. A damaged or truncated file counts the frames seen so far: whether
     * the first frame decodes is the reader's call.
     */
    static int countFrames(ImageInputStream stream, int stopAfter) throws IOException {
        long start = stream.getStreamPosition();
        int frames = 0;
        try {
            stream.seek(start + 10);
            int packed = stream.readUnsignedByte();
            stream.seek(start + HEADER_AND_SCREEN_DESCRIPTOR);
            skipColourTable(stream, packed);
            while (frames < stopAfter) {
                int block = stream.read();
                if (block == IMAGE_DESCRIPTOR) {
                    frames++;
                    stream.skipBytes(8);
                    skipColourTable(stream, stream.readUnsignedByte());
                    stream.skipBytes(1);
                    skipSubBlocks(stream);
                } else if (block == EXTENSION) {
                    stream.skipBytes(1);
                    skipSubBlocks(stream);
                } else {
                    break; // the trailer, or bytes that are not a block
                }
            }
        } catch (EOFException truncated) {
            // frames counted so far
        } finally {
            stream.seek(start);
        }
        return frames;
    }

    private static void skipColourTable(ImageInputStream stream, int packedFields) throws IOException {
        if ((packedFields & 0x80) != 0) {
            stream.skipBytes(3 << ((packedFields & 0x07) + 1));
        }
    }

    private static void skipSubBlocks(ImageInputStream stream) throws IOException {
        for (int size = stream.readUnsignedByte(); size > 0; size = stream.readUnsignedByte()) {
            stream.seek(stream.getStreamPosition() + size);
        }
    }
}
