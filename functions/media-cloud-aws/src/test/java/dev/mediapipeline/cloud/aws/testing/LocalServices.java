package dev.mediapipeline.cloud.aws.testing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A command: starts {@link LocalAws} (S3Mock, ElasticMQ, moto, embedded PostgreSQL, migrated), prints the environment
 * a deployable needs as {@code KEY=VALUE} lines on stdout, then {@code READY}, and runs until stdin closes.
 *
 * <pre>
 * LocalServices [--seed EVENT_FILE] [--function NAME]
 * </pre>
 * {@code --seed} puts a real fixture where the event points (and the catalog row an upload would have);
 * {@code --function verify-webhook} adds the Cloudinary account the webhook is signed with. Everything else (logs of
 * the servers) goes to stderr, so stdout is only the environment and {@code READY}.
 */
public final class LocalServices {

    private LocalServices() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        Options options = Options.parse(args);
        try (LocalAws aws = LocalAws.start()) {
            if (options.seed() != null) {
                String event = Files.readString(options.seed(), StandardCharsets.UTF_8);
                System.err.println("seeded " + Seeds.forEvent(aws, event));
            }
            environment(aws, options.function()).forEach(out::println);
            out.println("READY");
            out.flush();
            while (System.in.read() != -1) {
                // runs until whoever started it closes stdin
            }
        }
    }

    /** The {@code KEY=VALUE} lines for one function (only verify-webhook is given the Cloudinary account). */
    static List<String> environment(LocalAws aws, String function) {
        return LocalAws.environment(aws.settings("verify-webhook".equals(function))).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    record Options(Path seed, String function) {

        static Options parse(String[] args) {
            Path seed = null;
            String function = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Path.of(value(args, ++i, "--seed"));
                    case "--function" -> function = value(args, ++i, "--function");
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: LocalServices [--seed EVENT_FILE] [--function NAME]");
                }
            }
            return new Options(seed, function);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
