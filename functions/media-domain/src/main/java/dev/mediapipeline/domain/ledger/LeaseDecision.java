package dev.mediapipeline.domain.ledger;

import dev.mediapipeline.domain.asset.Failure;

import java.time.Instant;

/** The ledger's answer to "may I do this work now?". */
public sealed interface LeaseDecision {

    /** Go ahead. {@code attempt} counts from 1; {@code tookOver} is true when an expired lease was taken over. */
    record Acquired(int attempt, boolean tookOver) implements LeaseDecision {
    }

    /** The work already reached a terminal state: acknowledge the event and do nothing. */
    record AlreadyDone(LedgerState state, Failure failure) implements LeaseDecision {
    }

    /** Another attempt holds a live lease: retry after {@code leaseUntil}. */
    record Busy(String holder, Instant leaseUntil) implements LeaseDecision {
    }
}
