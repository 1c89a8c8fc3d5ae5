package dev.mediapipeline.domain.thumbnail;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to deliver more than a limit. The size in a storage event is what the platform says; the bytes that
 * actually arrive are what costs memory and time, and an object can be overwritten between the two.
 */
final class ByteLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long delivered;

    ByteLimitedInputStream(InputStream source, long limit) {
        super(source);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            count(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long bytes) {
        delivered += bytes;
        if (delivered > limit) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE,
                    "the object has more than " + limit + " bytes, the limit");
        }
    }
}
