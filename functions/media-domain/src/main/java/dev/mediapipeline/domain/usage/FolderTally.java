package dev.mediapipeline.domain.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up object sizes per folder while a storage adapter walks its listing, so that every adapter groups keys
 * the same way: a key's folder is its first two segments ({@code originals/products/x.jpg} →
 * {@code originals/products}); a key with a single slash counts under its first segment, a key without one
 * under {@value #ROOT}. Not thread-safe: one tally per listing.
 */
public final class FolderTally {

    public static final String ROOT = "(root)";

    private final Map<String, long[]> totals = new TreeMap<>();

    public void add(String key, long bytes) {
        long[] total = totals.computeIfAbsent(folderOf(key), folder -> new long[2]);
        total[0] += bytes;
        total[1]++;
    }

    public List<FolderUsage> result() {
        List<FolderUsage> folders = new ArrayList<>(totals.size());
        totals.forEach((folder, total) -> folders.add(new FolderUsage(folder, total[0], total[1])));
        return folders;
    }

    public static String folderOf(String key) {
        int first = key.indexOf('/');
        if (first < 0) {
            return ROOT;
        }
        int second = key.indexOf('/', first + 1);
        return second < 0 ? key.substring(0, first) : key.substring(0, second);
    }
}
