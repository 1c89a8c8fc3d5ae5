package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.text.TextOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every saved outcome, and the latest per asset as the SQL index would. */
final class RecordingTextIndex implements TextIndex {

    private final List<TextOutcome> saves = new ArrayList<>();
    private final Map<AssetId, TextOutcome> latest = new LinkedHashMap<>();

    @Override
    public synchronized void save(TextOutcome outcome) {
        saves.add(outcome);
        latest.put(outcome.assetId(), outcome);
    }

    synchronized List<TextOutcome> saves() {
        return List.copyOf(saves);
    }

    synchronized Optional<TextOutcome> of(AssetId id) {
        return Optional.ofNullable(latest.get(id));
    }
}
