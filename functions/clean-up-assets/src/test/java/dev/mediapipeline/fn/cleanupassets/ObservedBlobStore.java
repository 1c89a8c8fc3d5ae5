package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real blob store with a window onto deletes: which keys were deleted how often, keys whose delete fails like a
 * storage outage, and a hook that runs before each delete (to move a clock, kill a connection or hold a run).
 */
final class ObservedBlobStore implements BlobStore {

    interface DeleteHook {
        void beforeDelete(String key, int deleteNumber) throws IOException;
    }

    private final BlobStore store;
    private final BlobListing listing;
    private final Map<String, AtomicInteger> deletes = new ConcurrentHashMap<>();
    private final Set<String> failingKeys = ConcurrentHashMap.newKeySet();
    private final List<DeleteHook> hooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger deleteCalls = new AtomicInteger();

    ObservedBlobStore(BlobStore store, BlobListing listing) {
        this.store = store;
        this.listing = listing;
    }

    void failDeletesOf(String key) {
        failingKeys.add(key);
    }

    void heal() {
        failingKeys.clear();
    }

    void beforeEachDelete(DeleteHook hook) {
        hooks.add(hook);
    }

    void clearHooks() {
        hooks.clear();
    }

    /** How many deletes of the key found an object to delete. */
    int timesDeleted(String key) {
        AtomicInteger count = deletes.get(key);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> deletedKeys() {
        Map<String, Integer> snapshot = new java.util.TreeMap<>();
        deletes.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }

    @Override
    public String bucket() {
        return store.bucket();
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata)
            throws IOException {
        return store.put(key, content, contentType, metadata);
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        return store.stat(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return store.open(key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        int number = deleteCalls.incrementAndGet();
        for (DeleteHook hook : hooks) {
            hook.beforeDelete(key, number);
        }
        if (failingKeys.contains(key)) {
            throw new IOException("503 Service Unavailable");
        }
        boolean existed = store.delete(key);
        if (existed) {
            deletes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        return existed;
    }

    /** The store's listing, as a separate port the way a runtime provides it. */
    BlobListing listing() {
        return listing;
    }

    List<BlobInfo> list(String prefix) throws IOException {
        return listing.list(prefix);
    }
}
