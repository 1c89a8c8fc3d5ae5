package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.text.TextOutcome;

/**
 * Where extract-text records each asset's text outcome and makes the text searchable. One row per asset: a save
 * replaces what an earlier save of the same asset recorded, so a redelivered event writes the same row again.
 */
public interface TextIndex {

    void save(TextOutcome outcome);
}
