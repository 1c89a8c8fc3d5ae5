package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.text.AssetTextView;
import dev.mediapipeline.domain.text.TextSearchHit;

import java.util.List;
import java.util.Optional;

/** The read side of {@link TextIndex}: an asset's text outcome, and full-text search over every asset's text. */
public interface TextSearch {

    /** Empty when the asset is unknown or its text was not extracted (yet). */
    Optional<AssetTextView> find(AssetId id);

    /**
     * Assets whose text matches {@code words}, best first; deleted assets are left out. {@code words} is what a
     * person types in a search box: words, {@code "quoted phrases"}, {@code or}, {@code -excluded}; it is never a
     * syntax error.
     *
     * @param limit at most this many hits (1..100)
     */
    List<TextSearchHit> search(String words, int limit);
}
