package dev.mediapipeline.store.postgres;

/** The database schema could not be brought up to date; nothing in this module will work until it is. */
public class SchemaMigrationException extends RuntimeException {

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
