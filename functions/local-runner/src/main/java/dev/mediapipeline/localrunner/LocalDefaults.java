package dev.mediapipeline.localrunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;

/**
 * Development secrets for a laptop: generated on first use, kept in {@code <data-dir>/secrets.properties}
 * (mode 600, outside the repository) and used only where nothing else sets them. Never used in the clouds,
 * where the secrets come from Secret Manager / Secrets Manager.
 *
 * <p>The values are looked up lazily, when a bean first asks, so that the data directory is read from the
 * finished environment (command line, test properties) rather than from a half-built one.
 */
public class LocalDefaults implements EnvironmentPostProcessor {

    static final String JWT_SECRET = "media.auth.jwt-secret";
    static final String UPLOAD_SECRET = "media.local.upload-signing-secret";
    static final String WEBHOOK_SECRET = "cloudinary.webhook.signing-secret";
    private static final List<String> SECRETS = List.of(JWT_SECRET, UPLOAD_SECRET, WEBHOOK_SECRET);
    /** A real Cloudinary account signs notifications with its API secret (or a dedicated key): never shadow those. */
    private static final List<String> CLOUDINARY_ACCOUNT = List.of("cloudinary.url", "cloudinary.api-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new DevelopmentSecrets(environment));
    }

    /**
     * Its source object is a plain marker: Spring adapts property sources whose source is an environment
     * specially, which would loop back into this one.
     */
    static final class DevelopmentSecrets extends PropertySource<Object> {

        private final ConfigurableEnvironment environment;
        private volatile Properties loaded;

        DevelopmentSecrets(ConfigurableEnvironment environment) {
            super("localDevelopmentSecrets", new Object());
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if (!SECRETS.contains(name)) {
                return null;
            }
            if (name.equals(WEBHOOK_SECRET) && CLOUDINARY_ACCOUNT.stream().anyMatch(this::setElsewhere)) {
                return null;
            }
            return secrets().getProperty(name);
        }

        private boolean setElsewhere(String name) {
            return StreamSupport.stream(environment.getPropertySources().spliterator(), false)
                    .filter(source -> source != this)
                    .anyMatch(source -> source.containsProperty(name));
        }

        private Properties secrets() {
            Properties current = loaded;
            if (current == null) {
                synchronized (this) {
                    if (loaded == null) {
                        Path dataDir = Path.of(environment.getProperty("media.local.data-dir", ".local"));
                        loaded = loadOrCreate(dataDir.resolve("secrets.properties"));
                    }
                    current = loaded;
                }
            }
            return current;
        }
    }

    private static Properties loadOrCreate(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            boolean changed = false;
            for (String name : SECRETS) {
                changed |= secrets.putIfAbsent(name, randomSecret()) == null;
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.store(out, "Development secrets of the local runner. Not for production.");
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + "; is the data directory writable?", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
