package dev.mediapipeline.domain.text;

/**
 * One asset whose text matches a search.
 *
 * @param status  the asset's status ({@code READY}, {@code FAILED}, ...)
 * @param rank    relevance, higher first; only comparable within one search
 * @param snippet a few words around the matches, which are wrapped in « and »
 */
public record TextSearchHit(String assetId, String folder, String filename, String contentType, String status,
                            int pageCount, double rank, String snippet) {
}
