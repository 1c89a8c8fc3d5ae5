package dev.mediapipeline.domain.usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FolderTallyTest {

    @Test
    void keysAreGroupedByTheirFirstTwoSegmentsAndSummed() {
        FolderTally tally = new FolderTally();
        tally.add("originals/products/a.jpg", 100);
        tally.add("originals/products/b.jpg", 50);
        tally.add("derived/products/a/w256.jpg", 7);
        tally.add("originals/avatars/c.png", 3);

        assertThat(tally.result()).containsExactly(
                new FolderUsage("derived/products", 7, 1),
                new FolderUsage("originals/avatars", 3, 1),
                new FolderUsage("originals/products", 150, 2));
    }

    @Test
    void keysWithFewerSegmentsHaveAFolderToo() {
        assertThat(FolderTally.folderOf("readme.txt")).isEqualTo(FolderTally.ROOT);
        assertThat(FolderTally.folderOf("exports/x.csv")).isEqualTo("exports");
        assertThat(FolderTally.folderOf("../x")).isEqualTo("..");
    }

    @Test
    void anEmptyListingHasNoFolders() {
        assertThat(new FolderTally().result()).isEmpty();
    }
}
