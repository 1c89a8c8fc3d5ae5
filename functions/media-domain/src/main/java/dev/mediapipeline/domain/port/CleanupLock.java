package dev.mediapipeline.domain.port;

import java.util.Optional;

/**
 * Lets one clean-up run at a time proceed, across every instance and cloud region that shares the catalog, so a
 * schedule that fires twice never deletes twice.
 */
public interface CleanupLock {

    /**
     * Takes the lock without waiting.
     *
     * @return empty when another run holds it
     */
    Optional<Lease> tryAcquire();

    /** The lock, held until closed or until the connection that holds it is lost. */
    interface Lease extends AutoCloseable {

        /** False once the lock may have passed to someone else; the run must stop. Asks the lock's holder. */
        boolean isHeld();

        /** Releases the lock; never throws, since a lost connection has released it already. */
        @Override
        void close();
    }
}
