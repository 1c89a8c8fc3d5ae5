package dev.mediapipeline.domain.text;

import java.time.Instant;
import java.util.List;

/**
 * An asset's text outcome as an API shows it (no full text: that is in the document at {@code documentKey}).
 *
 * @param status        {@code EXTRACTED} or {@code FAILED}
 * @param failureReason a failure reason code when FAILED, else null
 * @param strategy      {@code auto}, {@code text-only} or {@code ocr-all}
 * @param summary       the first few hundred characters of the text, for listings
 */
public record AssetTextView(String assetId, String status, String failureReason, String failureDetail,
                            String sourceIdentity, String documentKey, String engine, String engineVersion,
                            List<String> languages, String strategy, int pageCount, int pagesRead, int ocrPages,
                            boolean truncated, Double confidence, String summary, Instant updatedAt) {

    public AssetTextView {
        languages = List.copyOf(languages);
    }
}
