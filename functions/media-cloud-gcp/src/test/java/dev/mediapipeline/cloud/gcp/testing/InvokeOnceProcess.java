package dev.mediapipeline.cloud.gcp.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link InvokeOnce} run in a JVM of its own on {@code <artifact>:<this harness>}, as a cold-start benchmark runs it. */
public final class InvokeOnceProcess {

    /** What the run left: exit status, stdout, stderr lines. */
    public record Result(int exit, String stdout, List<String> stderr) {
        public String lastErrorLine() {
            return stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1);
        }
    }

    private InvokeOnceProcess() {
    }

    public static Result run(Path artifact, Path eventFile, Map<String, String> environment) throws Exception {
        String harness = Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", artifact + File.pathSeparator + harness, InvokeOnce.class.getName(), eventFile.toString());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("invoke-once", ".out");
        Path err = Files.createTempFile("invoke-once", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("InvokeOnce did not finish within 120 s: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readAllLines(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
