package dev.mediapipeline.cloud.gcp.testing;

import com.google.cloud.storage.Storage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hands an in-memory Cloud Storage ({@code LocalStorageHelper}, which has no network endpoint and so only works
 * inside one JVM) to the Spring context a deployable's {@code FunctionInvoker} starts. This initializer is registered
 * by the test-jar's {@code META-INF/spring.factories}; it does nothing unless a test called {@link #install}. The
 * deployables' {@code GcpStoragePorts} then find a {@link Storage} bean and build no client of their own.
 */
public final class InProcessStorage implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile Storage installed;

    public static void install(Storage storage) {
        installed = storage;
    }

    public static void uninstall() {
        installed = null;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Storage storage = installed;
        if (storage != null && !context.getBeanFactory().containsBean("storage")) {
            context.getBeanFactory().registerSingleton("storage", storage);
        }
    }
}
