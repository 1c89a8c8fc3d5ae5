package dev.mediapipeline.testkit.fakes;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.ledger.LedgerEntry;
import dev.mediapipeline.domain.ledger.LedgerState;
import dev.mediapipeline.domain.port.ProcessingLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ledger contract of {@link ProcessingLedger} in a map. */
public final class InMemoryProcessingLedger implements ProcessingLedger {

    private final Clock clock;
    private final Map<String, LedgerEntry> entries = new HashMap<>();

    public InMemoryProcessingLedger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized LeaseDecision begin(String key, String holder, Duration lease) {
        Instant now = clock.instant();
        LedgerEntry entry = entries.get(key);
        if (entry == null) {
            entries.put(key, new LedgerEntry(key, LedgerState.IN_PROGRESS, holder, now.plus(lease), 1, null, now));
            return new LeaseDecision.Acquired(1, false);
        }
        if (entry.state().isTerminal()) {
            return new LeaseDecision.AlreadyDone(entry.state(), entry.failure());
        }
        if (entry.leaseUntil().isAfter(now)) {
            return new LeaseDecision.Busy(entry.holder(), entry.leaseUntil());
        }
        boolean tookOver = entry.holder() != null;
        int attempt = entry.attempts() + 1;
        entries.put(key, new LedgerEntry(key, LedgerState.IN_PROGRESS, holder, now.plus(lease), attempt, null, now));
        return new LeaseDecision.Acquired(attempt, tookOver);
    }

    @Override
    public boolean succeed(String key, String holder) {
        return finish(key, holder, LedgerState.SUCCEEDED, null);
    }

    @Override
    public boolean fail(String key, String holder, Failure failure) {
        return finish(key, holder, LedgerState.FAILED, failure);
    }

    @Override
    public synchronized boolean release(String key, String holder) {
        LedgerEntry entry = entries.get(key);
        if (!heldBy(entry, holder)) {
            return false;
        }
        entries.put(key, new LedgerEntry(key, LedgerState.IN_PROGRESS, null, Instant.EPOCH, entry.attempts(), null,
                clock.instant()));
        return true;
    }

    @Override
    public synchronized Optional<LedgerEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    private synchronized boolean finish(String key, String holder, LedgerState state, Failure failure) {
        LedgerEntry entry = entries.get(key);
        if (!heldBy(entry, holder)) {
            return false;
        }
        entries.put(key, new LedgerEntry(key, state, holder, entry.leaseUntil(), entry.attempts(), failure,
                clock.instant()));
        return true;
    }

    private static boolean heldBy(LedgerEntry entry, String holder) {
        return entry != null && entry.state() == LedgerState.IN_PROGRESS && holder.equals(entry.holder());
    }
}
