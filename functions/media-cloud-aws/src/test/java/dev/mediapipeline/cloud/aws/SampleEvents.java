package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.AssetFailed;

import java.util.List;

/** Pipeline events as make-thumbnail publishes them. */
final class SampleEvents {

    static final String ASSET_ID = "0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d";

    private SampleEvents() {
    }

    static AssetEnriched enriched() {
        return new AssetEnriched(ASSET_ID, "media/originals/products/" + ASSET_ID + ".jpg#1767225600000000",
                List.of(new AssetEnriched.RenditionRef("w256", 256, 192, "jpeg", 14233,
                        "https://cdn.example.com/derived/" + ASSET_ID + "/5e1c0d2a9b7f3e41/w256.jpg")));
    }

    static AssetFailed failed() {
        return new AssetFailed(ASSET_ID, "media/originals/products/" + ASSET_ID + ".jpg#1767225600000000", "type",
                "the content is application/x-msdownload (sniffed from its bytes; declared image/jpeg)");
    }
}
