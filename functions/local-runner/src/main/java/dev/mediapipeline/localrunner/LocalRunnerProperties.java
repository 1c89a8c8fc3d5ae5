package dev.mediapipeline.localrunner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the local runner only ({@code media.local.*}).
 *
 * @param dataDir     blobs, the embedded database, queued messages, dead letters and the development secrets
 * @param databaseUrl a JDBC URL of an existing PostgreSQL to use instead of the embedded one
 * @param bus         the in-process queue's retry settings (the defaults match the cloud queues)
 */
@ConfigurationProperties("media.local")
public record LocalRunnerProperties(
        @DefaultValue(".local") Path dataDir,
        @DefaultValue("local-media") String bucket,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        @DefaultValue Bus bus) {

    public record Bus(@DefaultValue("5") int maxAttempts,
                      @DefaultValue("2s") Duration initialBackoff,
                      @DefaultValue("2") int workerThreads) {
    }
}
