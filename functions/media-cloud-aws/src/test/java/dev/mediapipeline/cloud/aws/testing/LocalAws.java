package dev.mediapipeline.cloud.aws.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.support.ChildServer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS services a deployable talks to, on this machine: S3Mock (S3, in this JVM), ElasticMQ (SQS, in this JVM),
 * moto's server (SNS and Secrets Manager, a child process) and an embedded PostgreSQL with the schema migrated.
 * Creates the two buckets, the webhook queue and the events topic (with a queue subscribed to it, to see what was
 * published), and names them in {@link #settings()}: the environment a deployable reads.
 *
 * <p>moto is optional here: without it {@link #motoUnavailable()} says why, there is no topic, and tests of
 * functions that publish skip through {@code RequiredTools} (which fails instead under {@code media.requireTools}).
 */
public final class LocalAws implements AutoCloseable {

    public static final String ORIGINALS_BUCKET = "media-prod-originals";
    public static final String DERIVED_BUCKET = "media-prod-derived";
    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    /** The bearer-token key sign-upload verifies with, and the Cloudinary account verify-webhook checks against. */
    public static final String JWT_SECRET = "local-jwt-secret-of-at-least-32-bytes!!";
    public static final String CLOUDINARY_API_KEY = "123456789012345";
    public static final String CLOUDINARY_API_SECRET = "local-cloudinary-api-secret";

    /** One variable of a deployable's environment and the property it binds to inside this JVM. */
    public record Setting(String variable, String property, String value) {
    }

    private final S3MockApplication s3mock;
    private final SQSRestServer elasticMq;
    private final ChildServer moto;
    private final String motoUnavailable;
    private final TestDatabase database;
    private final S3Client s3;
    private final SqsClient sqs;
    private final MotoApi motoApi;
    private final String webhookQueueUrl;
    private final String eventsTopicArn;
    private final String eventsQueueUrl;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;

    private LocalAws(S3MockApplication s3mock, SQSRestServer elasticMq, ChildServer moto, String motoUnavailable,
                     TestDatabase database) {
        this.s3mock = s3mock;
        this.elasticMq = elasticMq;
        this.moto = moto;
        this.motoUnavailable = motoUnavailable;
        this.database = database;
        this.s3Endpoint = URI.create("http://127.0.0.1:" + s3mock.getHttpPort());
        this.sqsEndpoint = URI.create("http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort());
        this.s3 = S3Client.builder().endpointOverride(s3Endpoint).forcePathStyle(true).region(REGION)
                .credentialsProvider(credentials()).build();
        this.sqs = sqsClient(sqsEndpoint);
        this.webhookQueueUrl = sqs.createQueue(request -> request.queueName("media-webhook")).queueUrl();
        if (moto != null) {
            motoApi = new MotoApi(URI.create("http://127.0.0.1:" + moto.port() + "/"), REGION);
            eventsTopicArn = motoApi.createTopic("media-pipeline-events");
            SqsClient motoSqs = sqsClient(motoApi.endpoint());
            eventsQueueUrl = motoSqs.createQueue(request -> request.queueName("pipeline-events-observer")).queueUrl();
            String queueArn = motoSqs.getQueueAttributes(request -> request.queueUrl(eventsQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            motoApi.subscribe(eventsTopicArn, queueArn);
            motoSqs.close();
        } else {
            motoApi = null;
            eventsTopicArn = null;
            eventsQueueUrl = null;
        }
    }

    /** Starts everything; moto from {@code -Dmedia.motoServer}, else {@code moto_server} on the PATH. */
    public static LocalAws start() {
        // S3Mock adds its own defaults to the map it is given. It is a Spring Boot application too, and a deployable's
        // application.properties hides S3Mock's own on the test classpath: its settings are given as arguments.
        S3MockApplication s3mock = S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_SILENT, true,
                S3MockApplication.PROP_INITIAL_BUCKETS, ORIGINALS_BUCKET + "," + DERIVED_BUCKET)),
                "--com.adobe.testing.s3mock.region=" + REGION.id(), "--spring.jmx.enabled=false",
                "--server.tomcat.max-swallow-size=10MB", "--management.endpoints.web.discovery.enabled=false");
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        ChildServer moto = null;
        String unavailable = null;
        String command = System.getProperty("media.motoServer", "moto_server");
        try {
            int port = ChildServer.freePort();
            moto = ChildServer.start(List.of(command, "-H", "127.0.0.1", "-p", Integer.toString(port)), port,
                    Duration.ofSeconds(60));
        } catch (IOException | IllegalStateException e) {
            unavailable = "moto_server (pip install 'moto[server]') is needed to emulate SNS and Secrets Manager; "
                    + "set -Dmedia.motoServer to its path: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting moto", e);
        }
        return new LocalAws(s3mock, elasticMq, moto, unavailable, TestDatabase.fresh());
    }

    /** Why moto is not running, or null when it is. */
    public String motoUnavailable() {
        return motoUnavailable;
    }

    /** The environment of a deployable running against these services (Cloudinary included when asked). */
    public List<Setting> settings(boolean withCloudinary) {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("AWS_REGION", "aws.region", REGION.id()));
        settings.add(new Setting("AWS_ACCESS_KEY_ID", "aws.accessKeyId", ACCESS_KEY));
        settings.add(new Setting("AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey", SECRET_KEY));
        settings.add(new Setting("SPRING_DATASOURCE_URL", "spring.datasource.url", database.jdbcUrl()));
        settings.add(new Setting("SPRING_DATASOURCE_USERNAME", "spring.datasource.username", database.user()));
        settings.add(new Setting("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password", "postgres"));
        settings.add(new Setting("MEDIA_AWS_ORIGINALS_BUCKET", "media.aws.originals-bucket", ORIGINALS_BUCKET));
        settings.add(new Setting("MEDIA_AWS_DERIVED_BUCKET", "media.aws.derived-bucket", DERIVED_BUCKET));
        settings.add(new Setting("MEDIA_AWS_WEBHOOK_QUEUE_URL", "media.aws.webhook-queue-url", webhookQueueUrl));
        settings.add(new Setting("MEDIA_AWS_ENDPOINTS_S3", "media.aws.endpoints.s3", s3Endpoint.toString()));
        settings.add(new Setting("MEDIA_AWS_ENDPOINTS_SQS", "media.aws.endpoints.sqs", sqsEndpoint.toString()));
        if (motoApi != null) {
            settings.add(new Setting("MEDIA_AWS_EVENTS_TOPIC_ARN", "media.aws.events-topic-arn", eventsTopicArn));
            settings.add(new Setting("MEDIA_AWS_ENDPOINTS_SNS", "media.aws.endpoints.sns", motoApi.endpoint().toString()));
            settings.add(new Setting("MEDIA_AWS_ENDPOINTS_SECRETS_MANAGER", "media.aws.endpoints.secrets-manager",
                    motoApi.endpoint().toString()));
        }
        settings.add(new Setting("MEDIA_AUTH_JWT_SECRET", "media.auth.jwt-secret", JWT_SECRET));
        if (withCloudinary) {
            settings.add(new Setting("CLOUDINARY_URL", "cloudinary.url",
                    "cloudinary://" + CLOUDINARY_API_KEY + ":" + CLOUDINARY_API_SECRET + "@demo-cloud"));
        }
        return settings;
    }

    /** The settings as environment variables, in order. */
    public static Map<String, String> environment(List<Setting> settings) {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach(setting -> environment.put(setting.variable(), setting.value()));
        return environment;
    }

    /** Stores a string secret in moto's Secrets Manager and returns its ARN. */
    public String putSecret(String name, String value) {
        requireMoto();
        return motoApi.createSecret(name, value);
    }

    /** Takes (and deletes) everything published to the events topic so far: the SQS bodies (SNS envelopes). */
    public List<Message> publishedEvents(Duration wait) {
        requireMoto();
        try (SqsClient motoSqs = sqsClient(motoApi.endpoint())) {
            List<Message> all = new ArrayList<>();
            List<Message> page = motoSqs.receiveMessage(request -> request.queueUrl(eventsQueueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds((int) wait.toSeconds())).messages();
            while (!page.isEmpty()) {
                all.addAll(page);
                page.forEach(message -> motoSqs.deleteMessage(request -> request.queueUrl(eventsQueueUrl)
                        .receiptHandle(message.receiptHandle())));
                page = motoSqs.receiveMessage(request -> request.queueUrl(eventsQueueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
            }
            return all;
        }
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String webhookQueueUrl() {
        return webhookQueueUrl;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    private void requireMoto() {
        if (motoApi == null) {
            throw new IllegalStateException(motoUnavailable);
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    private static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials()).build();
    }

    @Override
    public void close() throws Exception {
        s3.close();
        sqs.close();
        elasticMq.stopAndWait();
        s3mock.stop();
        if (moto != null) {
            moto.close();
        }
    }
}
