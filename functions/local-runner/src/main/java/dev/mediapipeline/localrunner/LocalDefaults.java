package dev.mediapipeline.localrunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Development secrets for a laptop: generated on first start, kept in {@code <data-dir>/secrets.properties}
 * (mode 600, outside the repository) and used unless the environment sets its own. Never used in the clouds,
 * where the secrets come from Secret Manager / Secrets Manager.
 */
public class LocalDefaults implements EnvironmentPostProcessor {

    static final String JWT_SECRET = "media.auth.jwt-secret";
    static final String UPLOAD_SECRET = "media.local.upload-signing-secret";
    static final String WEBHOOK_SECRET = "cloudinary.webhook.signing-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("media.local.data-dir", ".local"));
        Properties secrets = loadOrCreate(dataDir.resolve("secrets.properties"));
        Map<String, Object> defaults = new HashMap<>(Map.of(
                JWT_SECRET, secrets.getProperty(JWT_SECRET),
                UPLOAD_SECRET, secrets.getProperty(UPLOAD_SECRET)));
        // A real Cloudinary account signs with its API secret (or a dedicated key): never shadow those.
        boolean cloudinaryConfigured = Stream.of("cloudinary.url", "cloudinary.api-secret", WEBHOOK_SECRET)
                .anyMatch(name -> environment.getProperty(name) != null);
        if (!cloudinaryConfigured) {
            defaults.put(WEBHOOK_SECRET, secrets.getProperty(WEBHOOK_SECRET));
        }
        environment.getPropertySources().addLast(new MapPropertySource("localDevelopmentSecrets", defaults));
    }

    private static Properties loadOrCreate(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            boolean changed = secrets.putIfAbsent(JWT_SECRET, randomSecret()) == null;
            changed |= secrets.putIfAbsent(UPLOAD_SECRET, randomSecret()) == null;
            changed |= secrets.putIfAbsent(WEBHOOK_SECRET, randomSecret()) == null;
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
