package dev.mediapipeline.domain.text;

import java.util.List;

/** The answer to a full-text search, best match first. */
public record TextSearchResults(String query, int limit, List<TextSearchHit> hits) {

    public TextSearchResults {
        hits = List.copyOf(hits);
    }
}
