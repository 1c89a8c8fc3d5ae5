package dev.mediapipeline.testkit.fakes;

import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A blob store in a map. {@link #failNextOperations(int)} makes the next calls throw, to test retries. */
public final class InMemoryBlobStore implements BlobStore {

    private record Stored(byte[] data, BlobInfo info) {
    }

    private final String bucket;
    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();

    public InMemoryBlobStore(String bucket) {
        this.bucket = bucket;
    }

    public void failNextOperations(int count) {
        failuresLeft.set(count);
    }

    /** How many writes happened, to prove that a duplicate event wrote nothing. */
    public int putCount() {
        return puts.get();
    }

    public Set<String> keys() {
        return new TreeSet<>(objects.keySet());
    }

    public byte[] bytes(String key) {
        Stored stored = objects.get(key);
        if (stored == null) {
            throw new NoSuchElementException(key);
        }
        return stored.data().clone();
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata) throws IOException {
        maybeFail();
        byte[] data = content.readAllBytes();
        BlobInfo info = new BlobInfo(key, data.length, contentType, Long.toString(generations.incrementAndGet()),
                metadata, Instant.now());
        objects.put(key, new Stored(data, info));
        puts.incrementAndGet();
        return info;
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        maybeFail();
        return Optional.ofNullable(objects.get(key)).map(Stored::info);
    }

    @Override
    public InputStream open(String key) throws IOException {
        maybeFail();
        Stored stored = objects.get(key);
        if (stored == null) {
            throw new java.io.FileNotFoundException("no object " + key);
        }
        return new ByteArrayInputStream(stored.data());
    }

    @Override
    public boolean delete(String key) throws IOException {
        maybeFail();
        return objects.remove(key) != null;
    }

    private void maybeFail() throws IOException {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("injected storage fault");
        }
    }
}
