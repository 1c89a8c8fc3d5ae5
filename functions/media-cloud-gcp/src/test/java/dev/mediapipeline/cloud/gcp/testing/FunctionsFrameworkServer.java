package dev.mediapipeline.cloud.gcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.functions.invoker.runner.Invoker;
import dev.mediapipeline.testkit.support.ChildServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * A deployable behind the Functions Framework's own server (the Cloud Functions Java runtime,
 * {@code java-function-invoker}), in this JVM: the framework instantiates Spring Cloud Function's
 * {@code FunctionInvoker} with its no-argument constructor, exactly as {@code GcfJarLauncher} does inside the
 * deployed jar, and the function's main class is found through {@code MAIN_CLASS}. Requests go over HTTP, so the
 * framework's own handling applies: request body decoding and response writing for HTTP functions, and for event
 * functions the conversion of CloudEvents (what Gen2 triggers deliver) to the background-function shape.
 *
 * <p>The configuration is passed as system properties (the Spring environment reads them like the deployed
 * function's environment variables) and removed on close.
 */
public final class FunctionsFrameworkServer implements AutoCloseable {

    /** The class GcfJarLauncher delegates to. */
    static final String FUNCTION_INVOKER = "org.springframework.cloud.function.adapter.gcp.FunctionInvoker";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Invoker invoker;
    private final URI uri;
    private final Map<String, String> previous;
    private final HttpClient http = HttpClient.newHttpClient();

    private FunctionsFrameworkServer(Invoker invoker, URI uri, Map<String, String> previous) {
        this.invoker = invoker;
        this.uri = uri;
        this.previous = previous;
    }

    /**
     * @param signatureType {@code http} for HTTP triggers, {@code cloudevent} for event triggers (what Cloud Functions
     *                      sets for a Gen2 function with an Eventarc or Pub/Sub trigger)
     */
    public static FunctionsFrameworkServer start(Class<?> mainClass, String signatureType,
                                                 Map<String, String> properties) throws Exception {
        Map<String, String> settings = new HashMap<>(properties);
        settings.put("MAIN_CLASS", mainClass.getName());
        Map<String, String> previous = new HashMap<>();
        settings.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        int port = ChildServer.freePort();
        Invoker invoker = new Invoker(port, FUNCTION_INVOKER, signatureType,
                Thread.currentThread().getContextClassLoader());
        invoker.startTestServer();
        return new FunctionsFrameworkServer(invoker, URI.create("http://127.0.0.1:" + port + "/"), previous);
    }

    public URI uri() {
        return uri;
    }

    /** An HTTP request as a request file describes it ({@link HttpRequestFile}). */
    public HttpResponse<byte[]> send(HttpRequestFile request) throws Exception {
        return http.send(request.toHttpRequest(uri), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A structured-mode CloudEvent (the JSON of an events/gcp CloudEvent file), as Eventarc posts one. */
    public HttpResponse<String> postCloudEvent(String cloudEvent) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(cloudEvent)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A background (legacy) event: {@code data} as a background function receives it (an events/gcp file in that
     * shape) wrapped with its context, as Cloud Functions (1st gen) posts one.
     */
    public HttpResponse<String> postBackgroundEvent(String data, String eventType, String resource) throws Exception {
        JsonNode payload = JSON.readTree(data);
        ObjectNode event = JSON.createObjectNode();
        event.putObject("context").put("eventId", "test-" + System.nanoTime()).put("eventType", eventType)
                .put("timestamp", java.time.Instant.now().toString()).put("resource", resource);
        event.set("data", payload);
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Closes the servers that were started (nulls are skipped), in the order given: the reverse of their starts, so
     * each restores the system properties the one before it found.
     */
    public static void closeAll(FunctionsFrameworkServer... servers) throws Exception {
        for (FunctionsFrameworkServer server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void close() throws Exception {
        invoker.stopServer();
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
