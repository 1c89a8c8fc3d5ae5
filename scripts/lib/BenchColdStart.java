import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of one deployable, as scripts/bench-cold-start measures it: a fresh JVM per run, timed from just before
 * the process is spawned to the {@code handled-at-epoch-ms=} line the entry-point driver prints on stderr once the
 * platform handler has returned (the JVM's exit is not counted). Not part of the build.
 *
 * <pre>
 * java -cp JACKSON_ON_THE_CLASSPATH scripts/lib/BenchColdStart.java --label NAME --runs N --work DIR
 *      [--env FILE] [--event FILE] [--vary TEXT] [--set KEY=VALUE]... -- java [options] -cp ... Main {event}
 * </pre>
 * Before each run the event is made valid, as a caller's would be: a bearer token ({@code authorization} header or
 * {@code {{token}}}) signed with MEDIA_AUTH_JWT_SECRET, a Cloudinary signature ({@code x-cld-signature} /
 * {@code {{signature}}}, {@code {{timestamp}}}) made now with the secret of CLOUDINARY_URL, and every occurrence of
 * {@code --vary TEXT} (a storage event's generation or sequencer) made unique, so each run does the work again
 * instead of finding it done. {@code {event}} in the command is the prepared file. Prints {@code RUN i ms} per run
 * and finally {@code RESULT label median min max}.
 */
public class BenchColdStart {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        int separator = Arrays.asList(args).indexOf("--");
        for (int i = 0; i < separator; i += 2) {
            switch (args[i]) {
                case "--env" -> env.putAll(readEnv(Path.of(args[i + 1])));
                case "--set" -> env.put(args[i + 1].substring(0, args[i + 1].indexOf('=')),
                        args[i + 1].substring(args[i + 1].indexOf('=') + 1));
                default -> options.put(args[i], args[i + 1]);
            }
        }
        List<String> template = Arrays.asList(args).subList(separator + 1, args.length);
        String label = options.get("--label");
        int runs = Integer.parseInt(options.getOrDefault("--runs", "7"));
        Path work = Path.of(options.get("--work"));
        String event = options.containsKey("--event") ? Files.readString(Path.of(options.get("--event"))) : null;
        long[] millis = new long[runs];
        for (int run = 0; run < runs; run++) {
            // Same file name as the sample: drivers tell an HTTP request file from an event file by its name.
            Path prepared = Files.createDirectories(work.resolve("run-" + run))
                    .resolve(options.containsKey("--event") ? Path.of(options.get("--event")).getFileName().toString() : "none");
            if (event != null) {
                Files.writeString(prepared, prepare(event, env, options.get("--vary"), run));
            }
            millis[run] = once(template, env, work, prepared);
            System.out.println("RUN " + run + " " + millis[run]);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0;
        System.out.printf("RESULT\t%s\t%.0f\t%d\t%d%n", label, median, sorted[0], sorted[runs - 1]);
    }

    private static long once(List<String> template, Map<String, String> env, Path work, Path event) throws Exception {
        List<String> command = new ArrayList<>();
        for (String part : template) {
            command.add(part.replace("{event}", event.toString()));
        }
        Path stdout = work.resolve("run-stdout.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        builder.environment().putAll(env);
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        Long handledAt = null;
        StringBuilder errors = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("handled-at-epoch-ms=")) {
                    handledAt = Long.parseLong(line.substring("handled-at-epoch-ms=".length()).trim());
                } else if (errors.length() < 50_000) {
                    errors.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        String answer = Files.readString(stdout);
        boolean refused = answer.contains("batchItemFailures\":[{") || answer.matches("(?s).*\"statusCode\":[45]\\d\\d.*")
                || answer.matches("(?s)status=[45]\\d\\d.*");
        if (exit != 0 || handledAt == null || refused) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit
                    + (handledAt == null ? " without printing handled-at-epoch-ms" : "") + "\nstdout:\n" + answer
                    + "\nstderr:\n" + errors);
        }
        return handledAt - spawned;
    }

    static String prepare(String event, Map<String, String> env, String vary, int run) throws Exception {
        if (vary != null) {
            event = varied(event, vary, run);
        }
        String token = token(env.get("MEDIA_AUTH_JWT_SECRET"));
        String secret = cloudinarySecret(env.get("CLOUDINARY_URL"));
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        JsonNode root = JSON.readTree(event);
        if (root.path("headers") instanceof ObjectNode headers) {
            String body = root.path("body").asText("");
            boolean base64 = root.path("isBase64Encoded").asBoolean();
            byte[] raw = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            if (vary != null && base64) {
                raw = varied(new String(raw, StandardCharsets.UTF_8), vary, run).getBytes(StandardCharsets.UTF_8);
                ((ObjectNode) root).put("body", Base64.getEncoder().encodeToString(raw));
            }
            for (var names = headers.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String value = headers.get(name).asText();
                String lower = name.toLowerCase();
                if (lower.equals("authorization") && token != null) {
                    headers.put(name, "Bearer " + token);
                } else if (lower.equals("x-cld-timestamp")) {
                    headers.put(name, timestamp);
                } else if (lower.equals("x-cld-signature") && secret != null) {
                    headers.put(name, sha256Hex(concat(raw, (timestamp + secret).getBytes(StandardCharsets.UTF_8))));
                } else if (value.contains("{{token}}") && token != null) {
                    headers.put(name, value.replace("{{token}}", token));
                }
            }
            event = JSON.writeValueAsString(root);
        }
        return event;
    }

    /** {@code text} with every {@code vary} made unique to this run (hex digits, so identifiers stay well formed). */
    private static String varied(String text, String vary, int run) {
        return text.replace(vary, vary + String.format("%06X", (System.nanoTime() / 1000 + run) & 0xFFFFFF));
    }

    /** An HS256 token for the role sign-upload requires, valid for five minutes. */
    private static String token(String secrets) throws Exception {
        if (secrets == null) {
            return null;
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"bench\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"roles\":[\"uploader\"]}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secrets.split(",")[0].trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String input = header + "." + claims;
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String cloudinarySecret(String url) {
        if (url == null || !url.startsWith("cloudinary://")) {
            return null;
        }
        String credentials = url.substring("cloudinary://".length(), url.indexOf('@'));
        return credentials.substring(credentials.indexOf(':') + 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }
}
