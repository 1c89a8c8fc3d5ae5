package dev.mediapipeline.cloud.aws.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command line for {@link SqsDeadLetters}:
 * <pre>
 * list | show ID | replay ID | replay-all  --aws-queue DLQ_URL [--to SOURCE_URL] [--dry-run] [--json]
 *     [--region R] [--endpoint URL] [--hold SECONDS] [--wait SECONDS] [--limit N]
 * </pre>
 * Credentials come from the SDK's default chain. The region is {@code --region}, else the one in the queue URL
 * ({@code https://sqs.REGION.amazonaws.com/...}), else the SDK's default chain. {@code --endpoint} points at an
 * SQS-compatible server (ElasticMQ, LocalStack). Results go to standard output (a table, or one JSON object per
 * line with {@code --json}; {@code show} prints one JSON object); messages about the run go to standard error.
 * Exit status: 0 done, 1 failed or not found, 2 bad arguments.
 */
public final class SqsDeadLetterCli {

    static final String USAGE = """
            usage: SqsDeadLetterCli list|show ID|replay ID|replay-all --aws-queue DLQ_URL [--to SOURCE_URL] [--dry-run]
                   [--json] [--region R] [--endpoint URL] [--hold SECONDS] [--wait SECONDS] [--limit N]
              --to        the queue to send letters back to (default: the one queue whose redrive policy names the DLQ)
              --dry-run   say what would be replayed; send and delete nothing
              --hold      seconds each message seen stays hidden while the command runs (default 60)
              --wait      seconds each receive long-polls for more letters (default 1, at most 20)
              --limit     the most letters one command looks at (default 10000)""";

    private static final Pattern AWS_QUEUE_URL = Pattern.compile("^https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/.*");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SqsDeadLetterCli() {
    }

    public static void main(String[] args) {
        // Before any logger exists: the run's own output is the result; library logging only for warnings, on stderr.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/mediapipeline/cloud/aws/replay/cli-logback.xml");
        }
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (SqsClient sqs = client(arguments)) {
            SqsDeadLetters letters = new SqsDeadLetters(sqs, arguments.queue(), arguments.hold(),
                    arguments.pollWait(), arguments.limit());
            return switch (arguments.command()) {
                case "list" -> list(letters, arguments, out, err);
                case "show" -> show(letters, arguments, out, err);
                case "replay" -> replay(letters, arguments, out, err);
                default -> replayAll(letters, arguments, out, err);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("SQS: " + e.getMessage());
            return 1;
        }
    }

    private static SqsClient client(Arguments arguments) {
        SqsClientBuilder builder = SqsClient.builder()
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(arguments.region(), arguments.queue()));
        if (arguments.endpoint() != null) {
            builder.endpointOverride(URI.create(arguments.endpoint()));
        }
        return builder.build();
    }

    /** {@code --region}, else the queue URL's, else the SDK's default chain (environment, profile, instance). */
    static Region region(String regionFlag, String queueUrl) {
        if (regionFlag != null) {
            return Region.of(regionFlag);
        }
        Matcher url = AWS_QUEUE_URL.matcher(queueUrl);
        if (url.matches()) {
            return Region.of(url.group(1));
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            throw new IllegalArgumentException("no AWS region: pass --region or set AWS_REGION", e);
        }
    }

    private static int list(SqsDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        List<SqsDeadLetter> all = letters.list();
        if (arguments.json()) {
            all.forEach(letter -> out.println(json(letter)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "RECEIVES", "SENT", "LAST ERROR", "BODY"));
            all.forEach(letter -> rows.add(List.of(letter.messageId(), Integer.toString(letter.receiveCount()),
                    letter.sentAt() == null ? "" : letter.sentAt().toString(),
                    shorten(letter.lastError().orElse(""), 60), shorten(letter.body(), 80))));
            printTable(rows, out);
        }
        err.println(all.size() + " dead letter(s) in " + letters.deadLetterQueueUrl());
        return 0;
    }

    private static int show(SqsDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        Optional<SqsDeadLetter> letter = letters.show(arguments.id());
        if (letter.isEmpty()) {
            err.println("no dead letter " + arguments.id() + " in " + letters.deadLetterQueueUrl());
            return 1;
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(letter.get())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
        return 0;
    }

    private static int replay(SqsDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        Optional<SqsReplay> replay = letters.replay(arguments.id(), arguments.to(), arguments.dryRun());
        if (replay.isEmpty()) {
            err.println("no dead letter " + arguments.id() + " in " + letters.deadLetterQueueUrl());
            return 1;
        }
        print(replay.get(), arguments, out);
        return 0;
    }

    private static int replayAll(SqsDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        List<SqsReplay> replays = letters.replayAll(arguments.to(), arguments.dryRun());
        replays.forEach(replay -> print(replay, arguments, out));
        err.println(replays.size() + " dead letter(s) " + (arguments.dryRun() ? "would be " : "") + "replayed");
        return 0;
    }

    private static void print(SqsReplay replay, Arguments arguments, PrintStream out) {
        if (arguments.json()) {
            ObjectNode node = JSON.createObjectNode()
                    .put("messageId", replay.messageId())
                    .put("to", replay.sourceQueueUrl())
                    .put("dryRun", replay.dryRun())
                    .put("removed", replay.removed());
            if (replay.newMessageId() != null) {
                node.put("newMessageId", replay.newMessageId());
            }
            out.println(node);
        } else if (replay.dryRun()) {
            out.println("would replay " + replay.messageId() + " to " + replay.sourceQueueUrl());
        } else {
            out.println("replayed " + replay.messageId() + " to " + replay.sourceQueueUrl() + " as " + replay.newMessageId()
                    + (replay.removed() ? "" : " (still in the dead-letter queue: the delete failed)"));
        }
    }

    static ObjectNode json(SqsDeadLetter letter) {
        ObjectNode node = JSON.createObjectNode()
                .put("messageId", letter.messageId())
                .put("receiveCount", letter.receiveCount())
                .put("sentAt", letter.sentAt() == null ? null : letter.sentAt().toString());
        letter.lastError().ifPresent(error -> node.put("lastError", error));
        node.set("messageAttributes", JSON.valueToTree(letter.messageAttributes()));
        node.set("attributes", JSON.valueToTree(letter.attributes()));
        node.put("body", letter.body());
        return node;
    }

    static String shorten(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    static void printTable(List<List<String>> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    record Arguments(String command, String id, String queue, String to, String region, String endpoint,
                     boolean dryRun, boolean json, Duration hold, Duration pollWait, int limit) {

        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String queue = null;
            String to = null;
            String region = null;
            String endpoint = null;
            boolean dryRun = false;
            boolean json = false;
            Duration hold = SqsDeadLetters.DEFAULT_HOLD;
            Duration pollWait = SqsDeadLetters.DEFAULT_WAIT;
            int limit = SqsDeadLetters.DEFAULT_LIMIT;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--dry-run" -> dryRun = true;
                    case "--json" -> json = true;
                    case "--aws-queue", "--to", "--region", "--endpoint", "--hold", "--wait", "--limit" -> {
                        String value;
                        if (arg.contains("=")) {
                            value = arg.substring(arg.indexOf('=') + 1);
                        } else if (i + 1 < args.length) {
                            value = args[++i];
                        } else {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        switch (name) {
                            case "--aws-queue" -> queue = value;
                            case "--to" -> to = value;
                            case "--region" -> region = value;
                            case "--endpoint" -> endpoint = value;
                            case "--hold" -> hold = Duration.ofSeconds(number(name, value));
                            case "--wait" -> pollWait = Duration.ofSeconds(number(name, value));
                            default -> limit = number(name, value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                    }
                }
            }
            if (positional.isEmpty()) {
                throw new IllegalArgumentException("no command");
            }
            String command = positional.get(0);
            int expected = switch (command) {
                case "list", "replay-all" -> 1;
                case "show", "replay" -> 2;
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            if (positional.size() != expected) {
                throw new IllegalArgumentException(expected == 2 ? command + " needs one message id"
                        : command + " takes no message id");
            }
            if (queue == null || queue.isBlank()) {
                throw new IllegalArgumentException("--aws-queue DLQ_URL is required");
            }
            return new Arguments(command, expected == 2 ? positional.get(1) : null, queue, to, region, endpoint,
                    dryRun, json, hold, pollWait, limit);
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not " + value, e);
            }
        }
    }
}
