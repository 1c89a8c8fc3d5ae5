package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.ledger.LedgerEntry;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes at-least-once delivery behave like exactly-once work.
 *
 * <p>The contract, for one idempotency key (derived from the input identity, e.g.
 * {@code make-thumbnail:bucket/name#generation}):
 * <ul>
 *   <li>{@link #begin} creates the entry IN_PROGRESS with a lease held by {@code holder}, or takes over an
 *       IN_PROGRESS entry whose lease has expired (a crashed attempt), or answers
 *       {@link dev.mediapipeline.domain.ledger.LeaseDecision.Busy} while another holder's lease is live, or
 *       {@link dev.mediapipeline.domain.ledger.LeaseDecision.AlreadyDone} once the entry is terminal.</li>
 *   <li>{@link #succeed} and {@link #fail} make the entry terminal; later deliveries of the same key do nothing.</li>
 *   <li>{@link #release} gives the lease back after a transient fault so that a retry may start at once.</li>
 *   <li>Only the current holder can finish or release an entry; a stale holder's call is ignored and
 *       reported as {@code false}.</li>
 * </ul>
 * Concurrent callers of {@link #begin} for the same key: exactly one is granted the lease.
 */
public interface ProcessingLedger {

    LeaseDecision begin(String key, String holder, Duration lease);

    boolean succeed(String key, String holder);

    boolean fail(String key, String holder, Failure failure);

    boolean release(String key, String holder);

    Optional<LedgerEntry> find(String key);
}
