package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCursor;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;

import java.util.List;

/** Selects the assets one orphan rule matches. Storage faults surface as unchecked exceptions. */
public interface OrphanFinder {

    /**
     * The next orphans of {@code rule}, in {@link Orphan#cursor()} order, strictly after {@code after}. Assets with an
     * association are never returned.
     *
     * @param after null for the first page
     */
    List<Orphan> next(OrphanRule rule, OrphanCutoffs cutoffs, OrphanCursor after, int limit);
}
