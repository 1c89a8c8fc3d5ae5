package dev.mediapipeline.cloud.gcp.testing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Command line: {@code InvokeOnce <event-file>}, on the classpath {@code <fn>-gcp.jar:<this test-classes dir>}, with
 * the environment LocalServices printed. Runs the deployable once the way Cloud Functions does, with the JDK only:
 * the Functions Framework API (which the platform provides, and which the artifact carries as a nested jar) and the
 * artifact go into a class loader of their own, GcfJarLauncher is instantiated (this starts the function's Spring
 * context), and then called once through its HttpFunction ({@code http-*.json} request files) or
 * RawBackgroundFunction interface (event files, CloudEvents turned into the background shape as the framework does).
 * Prints the status, headers and body (HTTP) or {@code acknowledged} (events) on stdout; the last line on stderr is
 * {@code handled-at-epoch-ms=<time>}. Exit status 1 when the function threw (the platform would retry).
 *
 * <p>Request files' placeholders must be filled beforehand (a bearer token, a webhook signature).
 */
public final class InvokeOnce {

    private static final String LAUNCHER = DeployedFunctionProcess.LAUNCHER;

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: InvokeOnce <event-file>   (classpath: <fn>-gcp.jar:<media-cloud-gcp test-classes>)");
            System.exit(2);
        }
        // Logs (the services', the function's) go to stderr; stdout carries only the result.
        PrintStream out = System.out;
        System.setOut(System.err);
        Path eventFile = Path.of(args[0]);
        String event = Files.readString(eventFile);
        Path artifact = deployableOnClasspath();
        // Parent: the platform class loader, so nothing of this test-classes directory reaches the function.
        ClassLoader platformApi = new URLClassLoader(new URL[] {nestedApiJar(artifact).toUri().toURL(),
                artifact.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(platformApi);
        Object launcher = platformApi.loadClass(LAUNCHER).getConstructor().newInstance();
        int exit = 0;
        try {
            if (eventFile.getFileName().toString().startsWith("http-")) {
                callHttp(launcher, platformApi, MiniJson.object(MiniJson.parse(event)), out);
            } else {
                callBackground(launcher, platformApi, eventFile, MiniJson.object(MiniJson.parse(event)));
                out.println("acknowledged");
            }
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            out.println("failed: " + e.getCause());
            exit = 1;
        }
        long handledAt = System.currentTimeMillis();
        out.flush();
        System.err.println("handled-at-epoch-ms=" + handledAt);
        System.err.flush();
        // halt, not exit: the function's context has no owner to close it, and its shutdown logging would come after
        // the line above, which must be the last one on stderr.
        Runtime.getRuntime().halt(exit);
    }

    private static Path deployableOnClasspath() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("-gcp.jar")) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("no <fn>-gcp.jar on the classpath: " + System.getProperty("java.class.path"));
    }

    /** The artifact's copy of functions-framework-api, extracted: on Cloud Functions the invoker provides it. */
    private static Path nestedApiJar(Path artifact) throws IOException {
        try (JarFile jar = new JarFile(artifact.toFile())) {
            JarEntry api = jar.stream().filter(entry -> entry.getName().matches("BOOT-INF/lib/functions-framework-api-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(artifact + " has no functions-framework-api"));
            Path copy = Files.createTempFile("functions-framework-api", ".jar");
            copy.toFile().deleteOnExit();
            try (InputStream in = jar.getInputStream(api)) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }

    @SuppressWarnings("unchecked")
    private static void callHttp(Object launcher, ClassLoader api, Map<String, Object> file, PrintStream out)
            throws Exception {
        String method = String.valueOf(file.getOrDefault("method", "POST"));
        String path = String.valueOf(file.getOrDefault("path", "/"));
        byte[] body = String.valueOf(file.getOrDefault("body", "")).getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        MiniJson.object(file.get("headers")).forEach((name, value) -> headers.put(name, List.of(String.valueOf(value))));
        Optional<String> contentType = Optional.ofNullable(headers.get("Content-Type")).map(values -> values.get(0));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("getMethod", method);
        request.put("getUri", "http://localhost" + path);
        request.put("getPath", path);
        request.put("getQuery", Optional.empty());
        request.put("getQueryParameters", Map.of());
        request.put("getParts", Map.of());
        request.put("getContentType", contentType);
        request.put("getContentLength", (long) body.length);
        request.put("getCharacterEncoding", Optional.empty());
        request.put("getHeaders", headers);
        Charset charset = ServletCharsets.of(contentType.orElse(null));
        Object httpRequest = proxy(api, "com.google.cloud.functions.HttpRequest", (self, m, args) -> switch (m.getName()) {
            case "getInputStream" -> new ByteArrayInputStream(body);
            case "getReader" -> new BufferedReader(new StringReader(new String(body, charset)));
            case "getFirstHeader" -> Optional.ofNullable(headers.get((String) args[0])).map(values -> values.get(0));
            default -> request.get(m.getName());
        });
        ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
        // One writer for the whole call, flushed afterwards, as the servlet container does.
        Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(responseBody, StandardCharsets.UTF_8));
        int[] status = {200};
        Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Object httpResponse = proxy(api, "com.google.cloud.functions.HttpResponse", (self, m, args) -> switch (m.getName()) {
            case "setStatusCode" -> {
                status[0] = (int) args[0];
                yield null;
            }
            case "setContentType" -> {
                responseHeaders.put("Content-Type", new ArrayList<>(List.of((String) args[0])));
                yield null;
            }
            case "getContentType" -> Optional.ofNullable(responseHeaders.get("Content-Type")).map(values -> values.get(0));
            case "appendHeader" -> {
                responseHeaders.computeIfAbsent((String) args[0], name -> new ArrayList<>()).add((String) args[1]);
                yield null;
            }
            case "getHeaders" -> responseHeaders;
            case "getOutputStream" -> responseBody;
            case "getWriter" -> writer;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        Class<?> function = api.loadClass("com.google.cloud.functions.HttpFunction");
        Method service = function.getMethod("service", api.loadClass("com.google.cloud.functions.HttpRequest"),
                api.loadClass("com.google.cloud.functions.HttpResponse"));
        service.invoke(launcher, httpRequest, httpResponse);
        writer.flush();
        out.println("status=" + status[0]);
        responseHeaders.forEach((name, values) -> out.println(name + ": " + String.join(", ", values)));
        out.println();
        out.println(responseBody.toString(StandardCharsets.UTF_8));
    }

    /** The background shape the Functions Framework makes of a CloudEvent (or takes as it is). */
    private static void callBackground(Object launcher, ClassLoader api, Path eventFile, Map<String, Object> event)
            throws Exception {
        Object data = event;
        String eventType = eventFile.getFileName().toString().startsWith("gcs-") ? "google.storage.object.finalize"
                : "google.pubsub.topic.publish";
        String eventId = "local-" + System.nanoTime();
        String timestamp = Instant.now().toString();
        if (event.containsKey("specversion")) {
            eventType = String.valueOf(event.get("type")).startsWith("google.cloud.storage.object.v1.finalized")
                    ? "google.storage.object.finalize" : String.valueOf(event.get("type")).contains("pubsub")
                    ? "google.pubsub.topic.publish" : String.valueOf(event.get("type"));
            eventId = String.valueOf(event.get("id"));
            timestamp = String.valueOf(event.getOrDefault("time", timestamp));
            data = event.get("data");
            Map<String, Object> message = MiniJson.object(MiniJson.object(data).get("message"));
            if (eventType.equals("google.pubsub.topic.publish") && !message.isEmpty()) {
                Map<String, Object> background = new LinkedHashMap<>(message);
                background.remove("messageId");
                background.remove("publishTime");
                data = background;
            }
        }
        Map<String, Object> context = Map.of("eventId", eventId, "timestamp", timestamp, "eventType", eventType,
                "resource", "projects/_/local");
        Object gcfContext = proxy(api, "com.google.cloud.functions.Context", (self, m, args) ->
                m.getName().equals("attributes") ? Map.of() : context.get(m.getName()));
        Method accept = api.loadClass("com.google.cloud.functions.RawBackgroundFunction")
                .getMethod("accept", String.class, api.loadClass("com.google.cloud.functions.Context"));
        accept.invoke(launcher, MiniJson.write(data), gcfContext);
    }

    private static Object proxy(ClassLoader api, String interfaceName, InvocationHandler handler) throws Exception {
        Class<?> type = api.loadClass(interfaceName);
        return Proxy.newProxyInstance(api, new Class<?>[] {type}, (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("toString") ? interfaceName : m.getName().equals("hashCode")
                        ? System.identityHashCode(self) : self == args[0];
            }
            return handler.invoke(self, m, args);
        });
    }

    /** How the servlet container decodes a body: the stated charset, else UTF-8 for JSON, else ISO-8859-1. */
    static final class ServletCharsets {
        private ServletCharsets() {
        }

        static Charset of(String contentType) {
            if (contentType == null) {
                return StandardCharsets.ISO_8859_1;
            }
            String lower = contentType.toLowerCase(Locale.ROOT);
            int at = lower.indexOf("charset=");
            if (at >= 0) {
                return Charset.forName(contentType.substring(at + 8).split(";")[0].trim().replace("\"", ""));
            }
            return lower.contains("json") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
    }
}
