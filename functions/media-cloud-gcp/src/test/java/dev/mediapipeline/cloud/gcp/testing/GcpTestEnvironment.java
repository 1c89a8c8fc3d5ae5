package dev.mediapipeline.cloud.gcp.testing;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.support.RequiredTools;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GCP deployable talks to, on one machine: the Pub/Sub emulator (events and webhook topics, each with a pull
 * subscription to look at what was published), an in-memory Cloud Storage that can sign POST policies (a generated
 * service-account key), and a fresh migrated PostgreSQL database. Bucket names match the samples in
 * {@code events/gcp}. {@link #properties()} is the configuration a deployable needs, under the names its
 * environment variables bind to.
 */
public final class GcpTestEnvironment implements AutoCloseable {

    public static final String PROJECT = "media-test";
    public static final String ORIGINALS_BUCKET = "media-prod-originals";
    public static final String DERIVED_BUCKET = "media-prod-derived";
    public static final String EVENTS_TOPIC = "media-events";
    public static final String WEBHOOK_TOPIC = "media-webhook";
    public static final String EVENTS_SUBSCRIPTION = "media-events-watch";
    public static final String WEBHOOK_SUBSCRIPTION = "media-webhook-watch";
    public static final String SIGNER_EMAIL = "media-signer@media-test.iam.gserviceaccount.com";

    private final PubSubEmulatorProcess pubsub;
    private final Storage storage;
    private final TestDatabase database;

    private GcpTestEnvironment(PubSubEmulatorProcess pubsub, Storage storage, TestDatabase database) {
        this.pubsub = pubsub;
        this.storage = storage;
        this.database = database;
    }

    /** Starts everything; skips the test (fails it with -Dmedia.requireTools=true) without the emulator. */
    public static GcpTestEnvironment start() throws Exception {
        String missing = PubSubEmulatorProcess.unavailableReason();
        RequiredTools.assumeAvailable(missing == null, missing);
        PubSubEmulatorProcess pubsub = PubSubEmulatorProcess.start();
        pubsub.createTopic(PROJECT, EVENTS_TOPIC);
        pubsub.createTopic(PROJECT, WEBHOOK_TOPIC);
        pubsub.createSubscription(PROJECT, EVENTS_SUBSCRIPTION, EVENTS_TOPIC);
        pubsub.createSubscription(PROJECT, WEBHOOK_SUBSCRIPTION, WEBHOOK_TOPIC);
        // The in-memory storage has every bucket already; it is handed to the deployables through InProcessStorage.
        Storage storage = signingInMemoryStorage();
        InProcessStorage.install(storage);
        return new GcpTestEnvironment(pubsub, storage, TestDatabase.fresh());
    }

    private static Storage signingInMemoryStorage() throws NoSuchAlgorithmException {
        ServiceAccountCredentials signer = ServiceAccountCredentials.newBuilder().setClientEmail(SIGNER_EMAIL)
                .setPrivateKey(newSigningKey()).setProjectId(PROJECT).build();
        return LocalStorageHelper.getOptions().toBuilder().setCredentials(signer).build().getService();
    }

    private static PrivateKey newSigningKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /**
     * A service-account key file ({@code GOOGLE_APPLICATION_CREDENTIALS}) of {@value #SIGNER_EMAIL} with a new key:
     * enough for a deployable in another process to sign POST policies without any network call.
     */
    public static Path serviceAccountKeyFile() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(newSigningKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", PROJECT);
        key.put("private_key_id", "test-key");
        key.put("private_key", pem);
        key.put("client_email", SIGNER_EMAIL);
        key.put("client_id", "1");
        key.put("token_uri", "http://127.0.0.1:9/token");
        Path file = Files.createTempFile("service-account", ".json");
        Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(key));
        file.toFile().deleteOnExit();
        return file;
    }

    /** The configuration of a deployable against these services (Spring property names). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("media.gcp.project", PROJECT);
        properties.put("media.gcp.originals-bucket", ORIGINALS_BUCKET);
        properties.put("media.gcp.derived-bucket", DERIVED_BUCKET);
        properties.put("media.gcp.events-topic", EVENTS_TOPIC);
        properties.put("media.gcp.webhook-topic", WEBHOOK_TOPIC);
        properties.put("media.gcp.pubsub-emulator-host", pubsub.host());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /**
     * The same configuration as a deployed function's environment variables (the deployment contract's names), for a
     * deployable run in a process of its own. The in-memory storage cannot be shared with another process.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GOOGLE_CLOUD_PROJECT", PROJECT);
        environment.put("MEDIA_GCP_ORIGINALS_BUCKET", ORIGINALS_BUCKET);
        environment.put("MEDIA_GCP_DERIVED_BUCKET", DERIVED_BUCKET);
        environment.put("MEDIA_GCP_EVENTS_TOPIC", EVENTS_TOPIC);
        environment.put("MEDIA_GCP_WEBHOOK_TOPIC", WEBHOOK_TOPIC);
        environment.put("MEDIA_GCP_PUBSUB_EMULATOR_HOST", pubsub.host());
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        return environment;
    }

    public Storage storage() {
        return storage;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public JdbcAssetCatalog catalog() {
        return new JdbcAssetCatalog(database.dataSource(), Clock.systemUTC());
    }

    /** What the function published to a topic, waiting up to {@code wait} for the first message. */
    public List<PubSubEmulatorProcess.Received> published(String subscription, Duration wait) throws Exception {
        return pubsub.pull(PROJECT, subscription, wait);
    }

    /**
     * An upload as sign-upload and the browser leave it: the catalog row (pending) and the object in the originals
     * bucket. The asset id is the object name's file stem or its parent folder, whichever is a UUID.
     */
    public AssetId seedUpload(String key, byte[] content, String contentType) {
        AssetId id = assetIdIn(key);
        String[] parts = key.split("/");
        catalog().insert(Asset.pending(id, parts[1], parts[parts.length - 1], contentType, content.length, key, null,
                Instant.now()));
        storage.create(BlobInfo.newBuilder(BlobId.of(ORIGINALS_BUCKET, key)).setContentType(contentType).build(),
                content);
        return id;
    }

    /** A file of the repository's {@code fixtures/} directory (real media for the functions to work on). */
    public static byte[] fixture(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(dev.mediapipeline.testkit.support.EventFiles.directory("gcp")
                .getParent().getParent().resolve("fixtures").resolve(name));
    }

    /** Names of the objects in a bucket under a prefix. */
    public List<String> objectNames(String bucket, String prefix) {
        List<String> names = new java.util.ArrayList<>();
        storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()
                .forEach(blob -> names.add(blob.getName()));
        return names;
    }

    private static AssetId assetIdIn(String key) {
        String[] parts = key.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String stem = parts[i].contains(".") ? parts[i].substring(0, parts[i].indexOf('.')) : parts[i];
            try {
                return AssetId.parse(stem);
            } catch (IllegalArgumentException notAnId) {
                // keep looking
            }
        }
        throw new IllegalArgumentException("no asset id (UUID) in " + key);
    }

    @Override
    public void close() throws Exception {
        InProcessStorage.uninstall();
        pubsub.close();
    }
}
