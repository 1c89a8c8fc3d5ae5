package dev.mediapipeline.cloud.gcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.testkit.support.ChildServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud CLI's Pub/Sub emulator as a child process, driven through its REST API (the same API the
 * deployables publish with): topics, pull subscriptions, and pulling what arrived.
 */
public final class PubSubEmulatorProcess implements AutoCloseable {

    /** Where the CLI's Debian package puts the emulator; {@code -Dmedia.pubsubEmulatorJar} overrides it. */
    public static final Path DEFAULT_JAR = Path.of(
            "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib/cloud-pubsub-emulator-0.8.20-all.jar");

    /** One message as a subscriber receives it. */
    public record Received(String messageId, byte[] data, Map<String, String> attributes) {
        public String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildServer server;
    private final String host;
    private final HttpClient http = HttpClient.newHttpClient();

    private PubSubEmulatorProcess(ChildServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Why the emulator cannot run here, or null. */
    public static String unavailableReason() {
        Path jar = jar();
        return Files.isRegularFile(jar) ? null : "the Pub/Sub emulator (Google Cloud CLI component pubsub-emulator) "
                + "is not at " + jar + "; install it or set -Dmedia.pubsubEmulatorJar";
    }

    public static PubSubEmulatorProcess start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = ChildServer.freePort();
        ChildServer server = ChildServer.start(List.of(java, "-jar", jar().toString(), "--host=127.0.0.1",
                "--port=" + port), port, Duration.ofSeconds(60));
        return new PubSubEmulatorProcess(server, "127.0.0.1:" + port);
    }

    private static Path jar() {
        return Path.of(System.getProperty("media.pubsubEmulatorJar", DEFAULT_JAR.toString()));
    }

    /** {@code host:port}, what {@code media.gcp.pubsub-emulator-host} takes. */
    public String host() {
        return host;
    }

    public void createTopic(String project, String topic) throws IOException, InterruptedException {
        call("PUT", "projects/" + project + "/topics/" + topic, null);
    }

    public void createSubscription(String project, String subscription, String topic)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("topic", "projects/" + project + "/topics/" + topic);
        call("PUT", "projects/" + project + "/subscriptions/" + subscription, body);
    }

    /** Everything the subscription delivers within {@code wait} (at least one pull), acknowledged. */
    public List<Received> pull(String project, String subscription, Duration wait)
            throws IOException, InterruptedException {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            JsonNode answer = call("POST", "projects/" + project + "/subscriptions/" + subscription + ":pull",
                    JSON.createObjectNode().put("maxMessages", 100).put("returnImmediately", true));
            List<String> ackIds = new ArrayList<>();
            for (JsonNode delivery : answer.path("receivedMessages")) {
                ackIds.add(delivery.path("ackId").asText());
                JsonNode message = delivery.path("message");
                Map<String, String> attributes = new HashMap<>();
                message.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
                received.add(new Received(message.path("messageId").asText(),
                        Base64.getDecoder().decode(message.path("data").asText("")), attributes));
            }
            if (!ackIds.isEmpty()) {
                ObjectNode ack = JSON.createObjectNode();
                ackIds.forEach(ack.putArray("ackIds")::add);
                call("POST", "projects/" + project + "/subscriptions/" + subscription + ":acknowledge", ack);
            }
            if (received.isEmpty()) {
                Thread.sleep(100);
            }
        } while (received.isEmpty() && System.nanoTime() < deadline);
        return received;
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/v1/" + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(method + " " + path + " on the Pub/Sub emulator: HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
