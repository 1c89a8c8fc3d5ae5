package dev.mediapipeline.domain.cleanup;

/**
 * A storage or provider step of deleting one orphan failed. It costs that asset only: the run records it and goes on
 * with the next one. Database faults are deliberately not this type, since they stop the run.
 */
final class OrphanStepFailure extends Exception {

    OrphanStepFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
