package dev.mediapipeline.cloud.gcp.testing;

import com.google.cloud.functions.invoker.runner.Invoker;
import dev.mediapipeline.testkit.support.ChildServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built deployable ({@code target/<fn>-gcp.jar}) run the way Cloud Functions runs it: a separate JVM with the
 * Functions Framework invoker, {@code --classpath} the artifact and {@code --target} GcfJarLauncher, configured
 * only through environment variables under the deployment contract's names.
 */
public final class DeployedFunctionProcess implements AutoCloseable {

    static final String LAUNCHER = "org.springframework.cloud.function.adapter.gcp.GcfJarLauncher";

    private final ChildServer server;
    private final URI uri;
    private final Duration startup;
    private final HttpClient http = HttpClient.newHttpClient();

    private DeployedFunctionProcess(ChildServer server, URI uri, Duration startup) {
        this.server = server;
        this.uri = uri;
        this.startup = startup;
    }

    /**
     * @param signatureType {@code http} or {@code cloudevent}, as Cloud Functions sets FUNCTION_SIGNATURE_TYPE
     */
    public static DeployedFunctionProcess start(Path artifact, String signatureType, Map<String, String> environment)
            throws Exception {
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(artifact + " is not built; run the module's package phase first");
        }
        int port = ChildServer.freePort();
        List<String> command = new ArrayList<>(List.of("env", "FUNCTION_SIGNATURE_TYPE=" + signatureType,
                "FUNCTION_TARGET=" + LAUNCHER, "PORT=" + port));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                invokerJar().toString(), "--classpath", artifact.toString(), "--target", LAUNCHER,
                "--port", Integer.toString(port)));
        long started = System.nanoTime();
        ChildServer server = ChildServer.start(command, port, Duration.ofSeconds(90));
        return new DeployedFunctionProcess(server, URI.create("http://127.0.0.1:" + port + "/"),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The Functions Framework invoker's own jar (a test dependency), as Cloud Functions' Java runtime has it. */
    private static Path invokerJar() throws URISyntaxException {
        return Path.of(Invoker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** From process start until the server accepted connections (the function's context is built before that). */
    public Duration startup() {
        return startup;
    }

    public HttpResponse<byte[]> send(HttpRequestFile request) throws Exception {
        return http.send(request.toHttpRequest(uri), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
