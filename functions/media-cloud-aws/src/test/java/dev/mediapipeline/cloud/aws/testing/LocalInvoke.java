package dev.mediapipeline.cloud.aws.testing;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * A command, what {@code scripts/invoke <function> <event-file>} runs: {@link LocalServices} in this JVM (seeded from
 * the event), the event made valid for them ({@link EventPreparation}: a fresh bearer token, a current Cloudinary
 * signature), then {@link InvokeOnce} in a child JVM on the deployable's built jar with the services' environment.
 * The answer goes to stdout; the exit code is the child's.
 */
public final class LocalInvoke {

    private LocalInvoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalInvoke FUNCTION EVENT_FILE "
                    + "(e.g. make-thumbnail events/aws/sqs-sns-s3-object-created.json)");
            System.exit(2);
        }
        String function = args[0];
        Path eventFile = Path.of(args[1]).toAbsolutePath();
        Path root = repositoryRoot();
        Path jar = root.resolve("functions").resolve(function).resolve("aws/target").resolve(function + "-aws.jar");
        for (Path required : List.of(jar, eventFile)) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: build with "
                        + "mvn -pl functions/" + function + "/aws -am package -DskipTests (scripts/invoke does)");
            }
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);
        Invocation invocation;
        try (LocalAws aws = LocalAws.start()) {
            invocation = invoke(aws, function, jar, Files.readString(eventFile, StandardCharsets.UTF_8));
        }
        stdout.println(invocation.answer());
        stdout.flush();
        System.exit(invocation.exitCode());
    }

    /** What the child JVM answered on stdout, and how it ended. */
    public record Invocation(int exitCode, String answer) {
    }

    /**
     * Seeds {@code aws} from the event, then runs {@link InvokeOnce} on {@code jar} in a child JVM with the services'
     * environment; the child's stderr (logs, {@code handled-at-epoch-ms=}) goes to this process's stderr.
     */
    public static Invocation invoke(LocalAws aws, String function, Path jar, String event)
            throws IOException, InterruptedException {
        System.err.println("[invoke] seeded " + Seeds.forEvent(aws, event));
        Path prepared = Files.createTempFile(function + "-event-", ".json");
        try {
            Files.writeString(prepared, EventPreparation.prepare(event), StandardCharsets.UTF_8);
            List<String> command = List.of(javaCommand(), "-cp", jar + File.pathSeparator + harness(),
                    InvokeOnce.class.getName(), prepared.toString());
            ProcessBuilder child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            child.environment().putAll(LocalAws.environment(aws.settings("verify-webhook".equals(function))));
            child.environment().put("AWS_LAMBDA_FUNCTION_NAME", function);
            child.environment().put("MAIN_CLASS", mainClassOf(jar));
            System.err.println("[invoke] " + String.join(" ", command));
            Process process = child.start();
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Invocation(process.waitFor(), answer);
        } finally {
            Files.deleteIfExists(prepared);
        }
    }

    /** Where this harness's classes are (a test-classes directory or the test-jar): InvokeOnce and LocalContext. */
    private static Path harness() {
        try {
            return Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the harness classes", e);
        }
    }

    /** The deployable's main class, from its manifest: on Lambda the function's {@code MAIN_CLASS} names it. */
    private static String mainClassOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class");
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository (no events/README.md above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
