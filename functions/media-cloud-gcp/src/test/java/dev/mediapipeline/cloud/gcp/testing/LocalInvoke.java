package dev.mediapipeline.cloud.gcp.testing;

import dev.mediapipeline.testkit.support.EventFiles;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: {@code LocalInvoke <function> <event-file>} (what {@code scripts/invoke --cloud gcp} runs). In one
 * process: the local services ({@link GcpTestEnvironment}, with the event's fixture seeded), then the function's
 * deployable behind the Functions Framework's server ({@link FunctionsFrameworkServer}: FunctionInvoker, as
 * GcfJarLauncher runs it), the event sent once, and the answer printed: the HTTP status and body, then what the
 * function published. The last line on standard error is {@code handled-at-epoch-ms=<time>}. Exit status 0 when the
 * platform acknowledged the event (HTTP 2xx, or any answer for an HTTP function), 1 otherwise.
 *
 * <p>The classpath is the deployable module's test classpath (it holds the function, this test-jar and the servers).
 * HTTP request files get their placeholders filled: {@code {{token}}} with a token for the test secret,
 * {@code {{timestamp}}} and {@code {{signature}}} with a Cloudinary signature under the test API secret.
 */
public final class LocalInvoke {

    static final String JWT_SECRET = "local-invoke-secret-of-at-least-32-bytes";
    static final String CLOUDINARY_SECRET = "local-invoke-cloudinary-secret";

    private LocalInvoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalInvoke <function> <event-file>   e.g. make-thumbnail events/gcp/gcs-cloudevent-image-finalized.json");
            System.exit(2);
        }
        // Logs (the services', the function's) go to stderr; stdout carries only the result.
        PrintStream out = System.out;
        System.setOut(System.err);
        String function = args[0];
        Path eventFile = Path.of(args[1]);
        String event = EventFiles.read(eventFile);
        boolean http = eventFile.getFileName().toString().startsWith("http-");
        int exit;
        try (GcpTestEnvironment cloud = GcpTestEnvironment.start()) {
            EventSeeds.seed(cloud, eventFile, event).ifPresent(what -> System.err.println("seeded " + what));
            Map<String, String> properties = new HashMap<>(cloud.properties());
            properties.put("media.auth.jwt-secret", JWT_SECRET);
            properties.put("cloudinary.url", "cloudinary://123456789012345:" + CLOUDINARY_SECRET + "@local");
            try (FunctionsFrameworkServer server = FunctionsFrameworkServer.start(Class.forName(mainClass(function)),
                    http ? "http" : "cloudevent", properties)) {
                int status;
                String body;
                if (http) {
                    HttpResponse<byte[]> answer = server.send(RequestPlaceholders.filled(HttpRequestFile.parse(event),
                            JWT_SECRET, CLOUDINARY_SECRET));
                    status = answer.statusCode();
                    body = new String(answer.body(), StandardCharsets.UTF_8);
                    exit = 0;
                } else {
                    HttpResponse<String> answer = eventFile.getFileName().toString().contains("cloudevent")
                            ? server.postCloudEvent(event)
                            : server.postBackgroundEvent(event, RequestPlaceholders.backgroundEventType(eventFile),
                            "projects/_/local");
                    status = answer.statusCode();
                    body = answer.body();
                    exit = status / 100 == 2 ? 0 : 1;
                }
                long handledAt = System.currentTimeMillis();
                out.println("status=" + status);
                out.println(body);
                for (String subscription : List.of(GcpTestEnvironment.EVENTS_SUBSCRIPTION,
                        GcpTestEnvironment.WEBHOOK_SUBSCRIPTION)) {
                    for (PubSubEmulatorProcess.Received message : cloud.published(subscription, Duration.ofMillis(300))) {
                        out.println("published " + message.attributes() + " " + message.text());
                    }
                }
                out.flush();
                System.err.println("handled-at-epoch-ms=" + handledAt);
            }
        }
        System.exit(exit);
    }

    /** {@code make-thumbnail} → {@code dev.mediapipeline.fn.makethumbnail.gcp.MakeThumbnailCloudFunction}. */
    static String mainClass(String function) {
        StringBuilder camel = new StringBuilder();
        for (String word : function.split("-")) {
            camel.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return "dev.mediapipeline.fn." + function.replace("-", "") + ".gcp." + camel + "CloudFunction";
    }
}
