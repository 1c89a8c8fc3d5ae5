package dev.mediapipeline.cloud.aws.testing;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command: one invocation of a deployable through Lambda's real handler, {@code FunctionInvoker::handleRequest},
 * in a fresh JVM, like a cold start. Needs only the JDK and the deployable's jar:
 *
 * <pre>
 * MAIN_CLASS=dev.mediapipeline.fn.makethumbnail.aws.MakeThumbnailLambda \
 * java -cp functions/make-thumbnail/aws/target/make-thumbnail-aws.jar:functions/media-cloud-aws/target/test-classes \
 *     dev.mediapipeline.cloud.aws.testing.InvokeOnce events/aws/sqs-sns-s3-object-created.json
 * </pre>
 * with the environment {@link LocalServices} printed and {@code MAIN_CLASS} set to the deployable's main class, as on
 * Lambda. Prints what Lambda would return on stdout (the function's logs go to stderr), then, last, the
 * line {@code handled-at-epoch-ms=<time the answer was ready>} on stderr.
 */
public final class InvokeOnce {

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: InvokeOnce EVENT_FILE");
            System.exit(2);
        }
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        PrintStream out = System.out;
        System.setOut(System.err);
        String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        new FunctionInvoker().handleRequest(new ByteArrayInputStream(event), answer, new LocalContext(functionName));
        long handledAt = System.currentTimeMillis();
        out.println(answer.toString(StandardCharsets.UTF_8));
        out.flush();
        System.err.println("handled-at-epoch-ms=" + handledAt);
        System.err.flush();
        // The function's pool and clients keep threads alive; a Lambda sandbox would be frozen here.
        System.exit(0);
    }
}
