package dev.mediapipeline.processing.text;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with its output in files and a time limit. Output goes to files, not pipes, so a program that
 * writes a lot can never block on a full pipe and a killed one leaves no reader thread behind.
 */
final class BoundedProcess {

    /** How long a killed process may take to disappear before we stop waiting for it. */
    private static final Duration REAP_WAIT = Duration.ofSeconds(5);

    /** @param exitCode the exit status, or -1 when the process was killed */
    record Result(int exitCode, boolean timedOut) {
    }

    private BoundedProcess() {
    }

    /**
     * @throws IOException            when the program cannot be started
     * @throws InterruptedIOException when the calling thread is interrupted; the process is killed first
     */
    static Result run(List<String> command, Map<String, String> environment, Path stdout, Path stderr, Duration timeout)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Result(process.exitValue(), false);
            }
            killTree(process);
            return new Result(-1, true);
        } catch (InterruptedException interrupted) {
            killTree(process);
            Thread.currentThread().interrupt();
            InterruptedIOException failure = new InterruptedIOException("interrupted while " + command.get(0) + " ran");
            failure.initCause(interrupted);
            throw failure;
        }
    }

    /**
     * Kills the process and everything it started. The children are listed before the parent dies: once it is gone
     * they belong to init and can no longer be found from it. The parent goes first so that it cannot start more.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + REAP_WAIT.toNanos();
        try {
            process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            // A signalled child can still be on its way out, above all on a busy machine: wait until each one is
            // gone or a zombie (dead, waiting for a parent that may never reap it), bounded by the same wait.
            while (System.nanoTime() < deadline && descendants.stream().anyMatch(BoundedProcess::stillRunning)) {
                Thread.sleep(10);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean stillRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException noProcFs) {
            return handle.isAlive();
        }
    }
}
