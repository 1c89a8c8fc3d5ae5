package dev.mediapipeline.domain.ledger;

import dev.mediapipeline.domain.asset.Failure;

import java.time.Instant;

/** One row of the processing ledger, as read back for inspection. */
public record LedgerEntry(String key, LedgerState state, String holder, Instant leaseUntil, int attempts,
                          Failure failure, Instant updatedAt) {
}
