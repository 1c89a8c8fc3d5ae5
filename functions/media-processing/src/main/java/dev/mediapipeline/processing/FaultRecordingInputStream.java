package dev.mediapipeline.processing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers an {@link IOException} thrown by the source. ImageIO readers wrap or swallow whatever goes wrong
 * underneath them; this tells a storage fault (worth a retry) from bad bytes (never worth one).
 */
final class FaultRecordingInputStream extends FilterInputStream {

    private IOException fault;

    FaultRecordingInputStream(InputStream source) {
        super(source);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    /** Throws the source's fault, if it had one. */
    void rethrowFault() throws IOException {
        if (fault != null) {
            throw fault;
        }
    }

    private IOException recorded(IOException e) {
        if (fault == null) {
            fault = e;
        }
        return e;
    }
}
