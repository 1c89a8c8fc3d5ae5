package dev.mediapipeline.cloud.aws;

import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload body of known length, which a single S3 PUT needs. Small bodies (renditions, text pages) stay in
 * memory; larger ones are spooled to a temporary file so that the heap stays flat.
 */
final class SpooledBody implements AutoCloseable {

    static final int IN_MEMORY_LIMIT = 8 * 1024 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private SpooledBody(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    static SpooledBody read(InputStream content) throws IOException {
        byte[] head = content.readNBytes(IN_MEMORY_LIMIT + 1);
        if (head.length <= IN_MEMORY_LIMIT) {
            return new SpooledBody(head, null, head.length);
        }
        Path file = Files.createTempFile("s3-upload", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            long rest = content.transferTo(out);
            return new SpooledBody(null, file, head.length + rest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long size() {
        return size;
    }

    RequestBody requestBody() {
        return file == null ? RequestBody.fromBytes(bytes) : RequestBody.fromFile(file);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
