package dev.mediapipeline.cloud.gcp.testing;

import dev.mediapipeline.testkit.support.EventFiles;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command line: {@code LocalServices [--seed <event-file>]}. Starts what a GCP deployable talks to (the Pub/Sub
 * emulator with the events and webhook topics, a migrated embedded PostgreSQL), prints the environment a deployable
 * needs as {@code KEY=VALUE} lines, then {@code READY}, and runs until its standard input closes.
 *
 * <p>Cloud Storage here is in-memory (LocalStorageHelper) and lives in this process only: a deployable started in
 * another process with this environment reaches Pub/Sub and PostgreSQL but not the seeded objects. {@code --seed}
 * still writes the catalog row; functions that read objects (make-thumbnail, extract-text) run end to end only
 * in-process, through {@link LocalInvoke}.
 */
public final class LocalServices {

    private LocalServices() {
    }

    public static void main(String[] args) throws Exception {
        // Logs (the services', the function's) go to stderr; stdout carries only the result.
        PrintStream out = System.out;
        System.setOut(System.err);
        Path seed = args.length == 2 && args[0].equals("--seed") ? Path.of(args[1]) : null;
        if (args.length != 0 && seed == null) {
            System.err.println("usage: LocalServices [--seed <event-file>]");
            System.exit(2);
        }
        try (GcpTestEnvironment cloud = GcpTestEnvironment.start()) {
            if (seed != null) {
                EventSeeds.seed(cloud, seed, EventFiles.read(seed))
                        .ifPresent(what -> System.err.println("seeded " + what));
            }
            cloud.environment().forEach((name, value) -> out.println(name + "=" + value));
            out.println("READY");
            out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.exit(0);
    }
}
