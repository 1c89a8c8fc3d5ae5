package dev.mediapipeline.domain.ledger;

/** The states of one unit of work in the processing ledger. SUCCEEDED and FAILED are terminal. */
public enum LedgerState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }
}
