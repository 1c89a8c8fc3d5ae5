package dev.mediapipeline.cloud.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobStore;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A bucket in a directory, for running the pipeline on a laptop.
 *
 * <p>Keys never become paths: an object lives in a file named by the SHA-256 of its key, so {@code ../x},
 * NFD/NFC twins, bidi controls and 1 KB keys are all just keys. Each object has a JSON sidecar (key, content
 * type, metadata, generation, size) and one data file per generation. A write lands the data file, then
 * renames the sidecar into place: readers see the old object or the new one, never a mix or a partial file.
 *
 * <p>Like a cloud bucket, the store announces every completed write to a listener (the local runner routes
 * it to the event bus as a storage-finalized event).
 */
public final class LocalBlobStore implements BlobStore {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** The sidecar: everything about an object but its bytes. */
    record Sidecar(String key, String contentType, Map<String, String> metadata, String generation, long size,
                   Instant updated) {
    }

    private final String bucket;
    private final Path objects;
    private final Clock clock;
    private final Consumer<StorageObjectEvent> onFinalized;
    private final AtomicLong lastGeneration = new AtomicLong();

    /**
     * @param root        the directory that holds the bucket (created when missing)
     * @param onFinalized called after every completed write; must not throw
     */
    public LocalBlobStore(String bucket, Path root, Clock clock, Consumer<StorageObjectEvent> onFinalized) {
        this.bucket = bucket;
        this.objects = root.resolve("objects");
        this.clock = clock;
        this.onFinalized = onFinalized;
        try {
            Files.createDirectories(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local bucket directory " + objects
                    + "; set media.local.data-dir to a writable directory", e);
        }
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata) throws IOException {
        String hash = hash(key);
        Path dir = objects.resolve(hash.substring(0, 2));
        Files.createDirectories(dir);
        String generation = nextGeneration();
        Path data = dir.resolve(hash + "." + generation + ".bin");
        Path temp = Files.createTempFile(dir, hash, ".tmp");
        try {
            long size = Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, data, StandardCopyOption.ATOMIC_MOVE);
            Optional<Sidecar> previous = readSidecar(key);
            Sidecar sidecar = new Sidecar(key, contentType, Map.copyOf(metadata), generation, size, clock.instant());
            writeAtomically(dir, sidecarPath(hash), JSON.writeValueAsBytes(sidecar));
            previous.ifPresent(old -> deleteQuietly(dataPath(hash, old.generation())));
            onFinalized.accept(new StorageObjectEvent(bucket, key, generation, size, contentType, metadata, sidecar.updated()));
            return toInfo(sidecar);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        return readSidecar(key).map(LocalBlobStore::toInfo);
    }

    @Override
    public InputStream open(String key) throws IOException {
        Sidecar sidecar = readSidecar(key).orElseThrow(() -> new FileNotFoundException("no object with key " + key));
        try {
            return Files.newInputStream(dataPath(hash(key), sidecar.generation()));
        } catch (NoSuchFileException replacedMeanwhile) {
            return open(key);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        Optional<Sidecar> sidecar = readSidecar(key);
        if (sidecar.isEmpty()) {
            return false;
        }
        String hash = hash(key);
        Files.deleteIfExists(sidecarPath(hash));
        deleteQuietly(dataPath(hash, sidecar.get().generation()));
        return true;
    }

    /** Every stored object whose key starts with {@code prefix}, in no particular order. */
    public List<BlobInfo> list(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(objects, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(LocalBlobStore::readSidecarFile)
                    .flatMap(Optional::stream)
                    .filter(s -> s.key().startsWith(prefix))
                    .map(LocalBlobStore::toInfo)
                    .toList();
        }
    }

    private Optional<Sidecar> readSidecar(String key) {
        return readSidecarFile(sidecarPath(hash(key)));
    }

    private static Optional<Sidecar> readSidecarFile(Path path) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(path), Sidecar.class));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable object metadata " + path, e);
        }
    }

    private Path sidecarPath(String hash) {
        return objects.resolve(hash.substring(0, 2)).resolve(hash + ".json");
    }

    private Path dataPath(String hash, String generation) {
        return objects.resolve(hash.substring(0, 2)).resolve(hash + "." + generation + ".bin");
    }

    /** Microseconds since the epoch, strictly increasing within this process (like GCS generations). */
    private String nextGeneration() {
        long micros = clock.instant().toEpochMilli() * 1000;
        return Long.toString(lastGeneration.updateAndGet(last -> Math.max(last + 1, micros)));
    }

    private static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(dir, "sidecar", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // An orphaned data file of an old generation wastes space but breaks nothing.
        }
    }

    private static BlobInfo toInfo(Sidecar sidecar) {
        return new BlobInfo(sidecar.key(), sidecar.size(), sidecar.contentType(), sidecar.generation(),
                sidecar.metadata(), sidecar.updated());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
