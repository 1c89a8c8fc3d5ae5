package dev.mediapipeline.cloud.aws.testing;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deployable's real entry point in this JVM: {@link FunctionInvoker}, the handler Lambda calls, finds the main class
 * through {@code MAIN_CLASS} (as the function's configuration sets it) and reads the settings as system properties
 * (the JVM's environment cannot be changed). One deployable per JVM: these are process-wide.
 */
public final class LambdaEntryPoint {

    private final FunctionInvoker invoker;
    private final String functionName;

    private LambdaEntryPoint(FunctionInvoker invoker, String functionName) {
        this.invoker = invoker;
        this.functionName = functionName;
    }

    public static LambdaEntryPoint start(Class<?> mainClass, String functionName, List<LocalAws.Setting> settings) {
        System.setProperty("MAIN_CLASS", mainClass.getName());
        settings.forEach(setting -> System.setProperty(setting.property(), setting.value()));
        return new LambdaEntryPoint(new FunctionInvoker(), functionName);
    }

    /** One invocation: the event's bytes in, the bytes Lambda would return out. */
    public String invoke(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                    new LocalContext(functionName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
