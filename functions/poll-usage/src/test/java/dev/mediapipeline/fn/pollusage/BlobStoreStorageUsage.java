package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.usage.FolderTally;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;

import java.io.IOException;
import java.util.List;

/** Storage usage over the test kit's in-memory bucket, the way a listing adapter tallies its objects. */
final class BlobStoreStorageUsage implements StorageUsage {

    private final InMemoryBlobStore store;

    BlobStoreStorageUsage(InMemoryBlobStore store) {
        this.store = store;
    }

    @Override
    public List<FolderUsage> bytesByFolder() throws IOException {
        FolderTally tally = new FolderTally();
        for (String key : store.keys()) {
            tally.add(key, store.stat(key).orElseThrow().size());
        }
        return tally.result();
    }
}
