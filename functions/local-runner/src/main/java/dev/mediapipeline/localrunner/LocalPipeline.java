package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.fn.applywebhookevent.ApplyWebhookEventFunction;
import dev.mediapipeline.fn.extracttext.ExtractTextFunction;
import dev.mediapipeline.fn.makethumbnail.MakeThumbnailFunction;
import dev.mediapipeline.store.postgres.JdbcProcessingLedger;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.config.MediaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Connects the functions to the local triggers once everything is up: storage events of originals →
 * make-thumbnail, through the bus. Then says where things are and how to call them.
 */
@Component
class LocalPipeline {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);
    static final String DEV_TOKEN_FILE = "dev-token";

    private final LocalEventBus bus;
    private final MakeThumbnailFunction makeThumbnail;
    private final ApplyWebhookEventFunction applyWebhookEvent;
    private final ExtractTextFunction extractText;
    private final JdbcProcessingLedger ledger;
    private final LocalDatabase database;
    private final HmacJwt jwt;
    private final LocalRunnerProperties local;
    private final MediaProperties media;

    LocalPipeline(LocalEventBus bus, MakeThumbnailFunction makeThumbnail, ApplyWebhookEventFunction applyWebhookEvent,
                  ExtractTextFunction extractText,
                  JdbcProcessingLedger ledger,
                  LocalDatabase database, HmacJwt jwt, LocalRunnerProperties local, MediaProperties media) {
        this.bus = bus;
        this.makeThumbnail = makeThumbnail;
        this.applyWebhookEvent = applyWebhookEvent;
        this.extractText = extractText;
        this.ledger = ledger;
        this.database = database;
        this.jwt = jwt;
        this.local = local;
        this.media = media;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        bus.subscribe(LocalRunnerConfiguration.STORAGE_FINALIZED, "make-thumbnail", message ->
                makeThumbnail.accept(LocalEventBus.json().treeToValue(message.payload(), StorageObjectEvent.class)));
        bus.subscribe(LocalRunnerConfiguration.STORAGE_FINALIZED, "extract-text", message ->
                extractText.accept(LocalEventBus.json().treeToValue(message.payload(), StorageObjectEvent.class)));
        bus.subscribe(LocalRunnerConfiguration.CLOUDINARY_NOTIFICATION, "apply-webhook-event", message ->
                applyWebhookEvent.accept(LocalEventBus.json().treeToValue(message.payload(), ReceivedNotification.class)));
        int abandoned = ledger.expireAllLeases();
        bus.start();
        String token = jwt.issue("local-developer", List.of("uploader", "admin"), Duration.ofDays(30));
        Path tokenFile = writeDevToken(token);
        log.atInfo()
                .addKeyValue("url", media.publicBaseUrl())
                .addKeyValue("dataDir", local.dataDir().toAbsolutePath().normalize().toString())
                .addKeyValue("database", database.description())
                .addKeyValue("pendingMessages", bus.pending("make-thumbnail").size())
                .addKeyValue("abandonedLeasesReleased", abandoned)
                .addKeyValue("devTokenFile", tokenFile.toString())
                .log("local pipeline ready at {}; data in {}", media.publicBaseUrl(), local.dataDir().toAbsolutePath().normalize());
        log.atInfo().log("development bearer token (roles uploader, admin; valid 30 days), also in {}: {}", tokenFile, token);
    }

    private Path writeDevToken(String token) {
        Path file = local.dataDir().resolve(DEV_TOKEN_FILE);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
