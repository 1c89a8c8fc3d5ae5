package dev.mediapipeline.localrunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One runner per data directory. Holding this lock is what lets the runner treat every unfinished lease in
 * its ledger as abandoned at startup: no other live process can own one.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    DataDirectoryLock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve("runner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dataDir, e);
        }
        if (lock == null) {
            throw new IllegalStateException("another local runner is using " + dataDir.toAbsolutePath()
                    + "; stop it first or start this one with --media.local.data-dir=<another directory>");
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
