package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.port.TextSearch;
import dev.mediapipeline.domain.text.AssetTextView;
import dev.mediapipeline.domain.text.TextSearchResults;
import dev.mediapipeline.support.http.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * extract-text on the laptop: its own subscriber on the storage events, the text index in the embedded
 * PostgreSQL, {@code GET /assets/{id}/text} (the per-page JSON document) and {@code GET /assets?q=words}.
 */
@Configuration(proxyBeanMethods = false)
class LocalText {

    @Bean
    TextEvents textEvents(LocalEventBus bus) {
        return event -> {
            try {
                bus.publish(event.type(), event);
            } catch (UncheckedIOException e) {
                throw new TransientFailureException("could not store " + event.type(), e);
            }
        };
    }

    @RestController
    static class TextRoutes {

        private static final int MAX_LIMIT = 100;

        private final TextSearch search;
        private final LocalBlobStore blobs;
        private final ObjectMapper json;
        private final Problems problems;

        TextRoutes(TextSearch search, LocalBlobStore blobs, ObjectMapper json) {
            this.search = search;
            this.blobs = blobs;
            this.json = json;
            this.problems = new Problems(json);
        }

        @GetMapping("/assets/{id}/text")
        ResponseEntity<?> text(@PathVariable String id) throws IOException {
            AssetId assetId;
            try {
                assetId = AssetId.parse(id);
            } catch (IllegalArgumentException e) {
                return AdminGuard.entity(problems.problem(400, "invalid-request", "Invalid asset id", "an asset id is a UUID"));
            }
            Optional<AssetTextView> view = search.find(assetId);
            if (view.isEmpty()) {
                return AdminGuard.entity(problems.problem(404, "not-found", "No text yet",
                        "no text was extracted for " + id + " (yet): extraction runs after the upload arrives"));
            }
            if ("FAILED".equals(view.get().status())) {
                return AdminGuard.entity(problems.problem(422, "text-failed", "Text extraction failed",
                        view.get().failureDetail(), body -> body.put("failureReason", view.get().failureReason()), null));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new InputStreamResource(blobs.open(view.get().documentKey())));
        }

        /** Full-text search over extracted text (PostgreSQL {@code websearch_to_tsquery} semantics). */
        @GetMapping(value = "/assets", params = "q")
        ResponseEntity<byte[]> searchText(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) throws IOException {
            if (limit < 1 || limit > MAX_LIMIT) {
                return AdminGuard.entity(problems.problem(400, "invalid-request", "Invalid limit",
                        "limit must be between 1 and " + MAX_LIMIT));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(new TextSearchResults(q, limit, search.search(q, limit))));
        }
    }
}
