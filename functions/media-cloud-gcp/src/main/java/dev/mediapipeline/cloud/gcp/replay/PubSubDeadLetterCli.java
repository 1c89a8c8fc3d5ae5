package dev.mediapipeline.cloud.gcp.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Command line for {@link PubSubDeadLetters}:
 * <pre>
 * list | show ID | replay ID | replay-all  --gcp-subscription projects/P/subscriptions/S
 *     [--to projects/P/topics/T] [--dry-run] [--json] [--emulator-host HOST:PORT] [--hold S] [--wait S] [--limit N]
 * </pre>
 * {@code --to} is required by {@code replay} and {@code replay-all}. Credentials are the application default
 * credentials; {@code --emulator-host} (else {@code PUBSUB_EMULATOR_HOST}) talks to the Pub/Sub emulator without
 * any. Results go to standard output (a table, or one JSON object per line with {@code --json}; {@code show} prints
 * one JSON object); messages about the run go to standard error. Exit status: 0 done, 1 failed or not found,
 * 2 bad arguments.
 */
public final class PubSubDeadLetterCli {

    static final String USAGE = """
            usage: PubSubDeadLetterCli list|show ID|replay ID|replay-all --gcp-subscription projects/P/subscriptions/S
                   [--to projects/P/topics/T] [--dry-run] [--json] [--emulator-host HOST:PORT] [--hold SECONDS]
                   [--wait SECONDS] [--limit N]
              --to             the topic to publish letters back to (required by replay and replay-all)
              --dry-run        say what would be replayed; publish and acknowledge nothing
              --emulator-host  the Pub/Sub emulator (default: $PUBSUB_EMULATOR_HOST; none: Google Cloud)
              --hold           seconds each message seen stays held while the command runs (default 60, 10..600)
              --wait           seconds a pull waits before the subscription counts as drained (default 5)
              --limit          the most letters one command looks at (default 10000)""";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PubSubDeadLetterCli() {
    }

    public static void main(String[] args) {
        // Before any logger exists: the run's own output is the result; library logging only for warnings, on stderr.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/mediapipeline/cloud/gcp/replay/cli-logback.xml");
        }
        // gRPC and gax log through java.util.logging, at INFO about their own start-up: keep warnings only.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System.getenv("PUBSUB_EMULATOR_HOST"), System.out, System.err));
    }

    /** @param emulatorFromEnvironment {@code PUBSUB_EMULATOR_HOST}, used when {@code --emulator-host} is absent */
    static int run(String[] args, String emulatorFromEnvironment, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String emulator = arguments.emulatorHost() != null ? arguments.emulatorHost() : blankToNull(emulatorFromEnvironment);
        try (Clients clients = Clients.open(emulator)) {
            PubSubDeadLetters letters = new PubSubDeadLetters(clients.subscriber(), clients.publisher(),
                    arguments.subscription(), arguments.hold(), arguments.pollWait(), arguments.limit());
            return switch (arguments.command()) {
                case "list" -> list(letters, arguments, out, err);
                case "show" -> show(letters, arguments, out, err);
                case "replay" -> replay(letters, arguments, out, err);
                default -> replayAll(letters, arguments, out, err);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (ApiException e) {
            err.println("Pub/Sub: " + e.getStatusCode().getCode() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Pub/Sub: could not create the clients: " + e.getMessage());
            return 1;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The two admin clients, on one plaintext channel without credentials for the emulator. */
    private record Clients(SubscriptionAdminClient subscriber, TopicAdminClient publisher, ManagedChannel channel)
            implements AutoCloseable {

        static Clients open(String emulatorHost) throws IOException {
            if (emulatorHost == null) {
                return new Clients(SubscriptionAdminClient.create(), TopicAdminClient.create(), null);
            }
            ManagedChannel channel = ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
            TransportChannelProvider transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
            try {
                return new Clients(
                        SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                                .setTransportChannelProvider(transport)
                                .setCredentialsProvider(NoCredentialsProvider.create()).build()),
                        TopicAdminClient.create(TopicAdminSettings.newBuilder()
                                .setTransportChannelProvider(transport)
                                .setCredentialsProvider(NoCredentialsProvider.create()).build()),
                        channel);
            } catch (IOException | RuntimeException e) {
                channel.shutdownNow();
                throw e;
            }
        }

        @Override
        public void close() {
            subscriber.close();
            publisher.close();
            if (channel != null) {
                channel.shutdownNow();
                try {
                    channel.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int list(PubSubDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        List<PubSubDeadLetter> all = letters.list();
        if (arguments.json()) {
            all.forEach(letter -> out.println(json(letter)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "DELIVERIES", "DEAD-LETTERED", "SOURCE SUBSCRIPTION", "DATA"));
            all.forEach(letter -> rows.add(List.of(letter.messageId(), Integer.toString(letter.deliveryAttempts()),
                    letter.publishTime().toString(), letter.sourceSubscription() == null ? "" : letter.sourceSubscription(),
                    shorten(letter.data(), 80))));
            printTable(rows, out);
        }
        err.println(all.size() + " dead letter(s) on " + letters.subscription());
        return 0;
    }

    private static int show(PubSubDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        Optional<PubSubDeadLetter> letter = letters.show(arguments.id());
        if (letter.isEmpty()) {
            err.println("no dead letter " + arguments.id() + " on " + letters.subscription());
            return 1;
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(letter.get())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private static int replay(PubSubDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        Optional<PubSubReplay> replay = letters.replay(arguments.id(), arguments.to(), arguments.dryRun());
        if (replay.isEmpty()) {
            err.println("no dead letter " + arguments.id() + " on " + letters.subscription());
            return 1;
        }
        print(replay.get(), arguments, out);
        return 0;
    }

    private static int replayAll(PubSubDeadLetters letters, Arguments arguments, PrintStream out, PrintStream err) {
        List<PubSubReplay> replays = letters.replayAll(arguments.to(), arguments.dryRun());
        replays.forEach(replay -> print(replay, arguments, out));
        err.println(replays.size() + " dead letter(s) " + (arguments.dryRun() ? "would be " : "") + "replayed");
        return 0;
    }

    private static void print(PubSubReplay replay, Arguments arguments, PrintStream out) {
        if (arguments.json()) {
            ObjectNode node = JSON.createObjectNode()
                    .put("messageId", replay.messageId())
                    .put("to", replay.topic())
                    .put("dryRun", replay.dryRun())
                    .put("acknowledged", replay.acknowledged());
            if (replay.newMessageId() != null) {
                node.put("newMessageId", replay.newMessageId());
            }
            out.println(node);
        } else if (replay.dryRun()) {
            out.println("would replay " + replay.messageId() + " to " + replay.topic());
        } else {
            out.println("replayed " + replay.messageId() + " to " + replay.topic() + " as " + replay.newMessageId()
                    + (replay.acknowledged() ? "" : " (still on the dead-letter subscription: the acknowledgement failed)"));
        }
    }

    static ObjectNode json(PubSubDeadLetter letter) {
        ObjectNode node = JSON.createObjectNode()
                .put("messageId", letter.messageId())
                .put("deliveryAttempts", letter.deliveryAttempts())
                .put("publishTime", letter.publishTime().toString());
        if (letter.sourceSubscription() != null) {
            node.put("sourceSubscription", letter.sourceSubscription());
        }
        if (letter.sourcePublishTime() != null) {
            node.put("sourcePublishTime", letter.sourcePublishTime().toString());
        }
        if (!letter.orderingKey().isEmpty()) {
            node.put("orderingKey", letter.orderingKey());
        }
        node.set("attributes", JSON.valueToTree(letter.attributes()));
        node.put("data", letter.data());
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

    record Arguments(String command, String id, String subscription, String to, String emulatorHost,
                     boolean dryRun, boolean json, Duration hold, Duration pollWait, int limit) {

        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String subscription = null;
            String to = null;
            String emulatorHost = null;
            boolean dryRun = false;
            boolean json = false;
            Duration hold = PubSubDeadLetters.DEFAULT_HOLD;
            Duration pollWait = PubSubDeadLetters.DEFAULT_WAIT;
            int limit = PubSubDeadLetters.DEFAULT_LIMIT;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--dry-run" -> dryRun = true;
                    case "--json" -> json = true;
                    case "--gcp-subscription", "--to", "--emulator-host", "--hold", "--wait", "--limit" -> {
                        String value;
                        if (arg.contains("=")) {
                            value = arg.substring(arg.indexOf('=') + 1);
                        } else if (i + 1 < args.length) {
                            value = args[++i];
                        } else {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        switch (name) {
                            case "--gcp-subscription" -> subscription = value;
                            case "--to" -> to = value;
                            case "--emulator-host" -> emulatorHost = value;
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
            if (subscription == null || subscription.isBlank()) {
                throw new IllegalArgumentException("--gcp-subscription projects/P/subscriptions/S is required");
            }
            if (command.startsWith("replay") && (to == null || to.isBlank())) {
                throw new IllegalArgumentException(command + " needs --to projects/P/topics/T: Pub/Sub does not"
                        + " record the topic a dead letter came from");
            }
            return new Arguments(command, expected == 2 ? positional.get(1) : null, subscription, to, emulatorHost,
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
