package dev.mediapipeline.cloud.gcp;

import com.google.api.gax.paging.Page;
import com.google.cloud.PageImpl;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.mediapipeline.domain.usage.FolderUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GcsStorageUsage} against google-cloud-nio's in-memory Cloud Storage. That fake cuts a listing at the page
 * size without handing out a next-page token, so paging is shown by serving the fake's objects two at a time.
 */
class GcsStorageUsageTest {

    private static final FolderUsage[] EVERY_FOLDER = {
            new FolderUsage("(root)", 3, 1),
            new FolderUsage("derived/thumbs", 15, 3),
            new FolderUsage("originals/banners", 5, 1),
            new FolderUsage("originals/products", 60, 3)};

    private final Storage storage = LocalStorageHelper.getOptions().getService();

    @BeforeEach
    void fill() {
        put("originals/products/a.jpg", 10);
        put("originals/products/b.jpg", 20);
        put("originals/products/deep/c.jpg", 30);
        put("originals/banners/d.png", 5);
        put("derived/thumbs/e.webp", 7);
        put("derived/thumbs/f.webp", 8);
        put("derived/thumbs/g.webp", 0);
        put("loose.txt", 3);
    }

    private void put(String name, int bytes) {
        storage.create(BlobInfo.newBuilder("usage", name).build(), new byte[bytes]);
    }

    @Test
    void addsUpTheListingPerFolder() throws IOException {
        assertThat(new GcsStorageUsage(storage, "usage").bytesByFolder()).containsExactly(EVERY_FOLDER);
    }

    @Test
    void followsEveryPageAndAsksForThePageSize() throws IOException {
        AtomicInteger pages = new AtomicInteger();
        List<BlobListOption> asked = new ArrayList<>();
        Storage paged = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[]{Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list") && args.length == 2 && args[0] instanceof String bucket) {
                        asked.addAll(Arrays.asList((BlobListOption[]) args[1]));
                        List<Blob> all = new ArrayList<>();
                        storage.list(bucket).iterateAll().forEach(all::add);
                        return pageOf(all, 0, 2, pages);
                    }
                    return method.invoke(storage, args);
                });

        assertThat(new GcsStorageUsage(paged, "usage", "", 2).bytesByFolder()).containsExactly(EVERY_FOLDER);
        assertThat(pages.get()).as("8 objects at 2 per page").isEqualTo(4);
        assertThat(asked).contains(BlobListOption.pageSize(2));
    }

    private static Page<Blob> pageOf(List<Blob> all, int from, int size, AtomicInteger pages) {
        pages.incrementAndGet();
        int to = Math.min(all.size(), from + size);
        String cursor = to < all.size() ? String.valueOf(to) : null;
        return new PageImpl<>(() -> pageOf(all, to, size, pages), cursor, all.subList(from, to));
    }

    @Test
    void aPrefixLimitsTheListing() throws IOException {
        assertThat(new GcsStorageUsage(storage, "usage", "originals/", 1000).bytesByFolder()).containsExactly(
                new FolderUsage("originals/banners", 5, 1),
                new FolderUsage("originals/products", 60, 3));
    }

    @Test
    void aBucketWithoutObjectsHasNoFolders() throws IOException {
        assertThat(new GcsStorageUsage(storage, "usage-empty").bytesByFolder()).isEmpty();
    }

    @Test
    void aPageSizeGcsCannotServeIsRefused() {
        assertThatThrownBy(() -> new GcsStorageUsage(storage, "usage", "", 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GcsStorageUsage(storage, "usage", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
