package dev.mediapipeline.processing;

import javax.imageio.IIOException;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An in-memory image stream that stops answering once the time budget is spent. Readers decode inside native
 * code or long loops that no listener can interrupt, but they all come back here for more bytes.
 */
final class DeadlineImageInputStream extends MemoryCacheImageInputStream {

    private final Deadline deadline;

    DeadlineImageInputStream(InputStream source, Deadline deadline) {
        super(source);
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        refuseWhenExpired();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseWhenExpired();
        return super.read(buffer, offset, length);
    }

    private void refuseWhenExpired() throws IIOException {
        if (deadline.expired()) {
            throw new IIOException("the time budget is spent");
        }
    }
}
