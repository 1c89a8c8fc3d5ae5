package dev.mediapipeline.support.config;

/** This process's name as a ledger lease holder, e.g. {@code 4242@host/1a2b3c4d}. */
public record WorkerIdentity(String name) {
}
