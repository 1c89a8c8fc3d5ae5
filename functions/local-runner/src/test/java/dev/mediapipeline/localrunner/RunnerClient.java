package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Talks to a running local runner the way the README's curl walk-through does. */
final class RunnerClient {

    static final Path FIXTURES = Path.of("../../fixtures").toAbsolutePath().normalize();
    private static final Set<String> SETTLED = Set.of("READY", "FAILED", "DELETED");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String token;
    private final String origin;

    RunnerClient(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    private RunnerClient(String baseUrl, String token, String origin) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.origin = origin;
    }

    /** The same client as a browser page on {@code origin} would be: every request carries that Origin header. */
    RunnerClient fromOrigin(String origin) {
        return new RunnerClient(baseUrl, token, origin);
    }

    /** A CORS preflight, as a browser sends it before a cross-origin request with these headers. */
    Reply preflight(String path, String method, String requestHeaders) throws Exception {
        return send(builder(URI.create(baseUrl + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", requestHeaders).build());
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        return origin == null ? builder : builder.header("Origin", origin);
    }

    record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
    }

    Reply sign(String folder, String filename, String contentType, long size) throws Exception {
        String body = json.writeValueAsString(Map.of("folder", folder, "filename", filename, "contentType", contentType,
                "size", size));
        return send(builder(URI.create(baseUrl + "/sign-upload"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts the signed form: every field in order, then the file under the file field. */
    Reply upload(JsonNode signed, byte[] file) throws Exception {
        return upload(signed.get("upload"), fields -> {
        }, file);
    }

    Reply upload(JsonNode upload, java.util.function.Consumer<Map<String, String>> tamper, byte[] file) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        upload.get("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        tamper.accept(fields);
        String boundary = "----media" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.get("fileField").asText()
                + "\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(builder(URI.create(upload.get("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    Reply get(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        return send(builder(URI.create(url)).GET().build());
    }

    JsonNode awaitSettled(String assetId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode asset;
        do {
            asset = get("/assets/" + assetId).body();
            if (SETTLED.contains(asset.get("status").asText())) {
                return asset;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("asset " + assetId + " did not settle within " + timeout + "; last seen " + asset);
    }

    /** Sign, upload and wait: the whole walk-through for one file. */
    JsonNode uploadAndSettle(String folder, Path file, String contentType) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Reply signed = sign(folder, file.getFileName().toString(), contentType, bytes.length);
        if (signed.status() != 200) {
            throw new AssertionError("sign-upload answered " + signed.status() + ": " + signed.body());
        }
        Reply uploaded = upload(signed.body(), bytes);
        if (uploaded.status() != 201) {
            throw new AssertionError("local-upload answered " + uploaded.status() + ": " + uploaded.body());
        }
        return awaitSettled(signed.body().get("assetId").asText(), Duration.ofSeconds(10));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            body = json.readTree(response.body());
        }
        return new Reply(response.statusCode(), body, response);
    }
}
