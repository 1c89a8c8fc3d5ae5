package dev.mediapipeline.cloudinary;

import com.cloudinary.SignatureAlgorithm;
import com.cloudinary.Util;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.MediaProvider;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicNameValuePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * {@link MediaProvider} on Cloudinary's Upload API: {@code POST /v1_1/{cloud}/{resource_type}/destroy} with
 * {@code invalidate=true}, so CDN copies of derived versions go too, signed with the API secret.
 *
 * <p>Like {@link CloudinaryUsageClient}, the request goes through Apache HttpClient 4 rather than the SDK's
 * {@code Uploader.destroy}: that call hides the status code behind a generic exception, so a 429 or a 503 could not
 * be told apart from a bad signature, and it has no retries. The signature itself comes from the SDK
 * ({@link Util#produceSignature}) so that it follows whatever Cloudinary's own client sends.
 *
 * <p>Answers: {@code {"result":"ok"}} is true, {@code {"result":"not found"}} false; 420, 429, 5xx, timeouts and
 * connection failures are retried with {@link RetryPolicy}'s jittered waits (or {@code Retry-After}) and end in a
 * {@link TransientFailureException}; any other status ends at once in a {@link CloudinaryRejectedException}.
 */
public final class CloudinaryMediaProvider implements MediaProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CloudinaryMediaProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The resource types the destroy endpoint exists for; anything else would only build a 404 URL. */
    private static final Set<String> RESOURCE_TYPES = Set.of("image", "video", "raw");

    private sealed interface Attempt permits Answered, Failed {
    }

    private record Answered(boolean destroyed) implements Attempt {
    }

    private record Failed(String reason, Optional<Duration> retryAfter, Throwable cause) implements Attempt {
    }

    private final CloudinaryAccount account;
    private final UsageClientSettings settings;
    private final SignatureAlgorithm signatureAlgorithm;
    private final CloseableHttpClient http;
    private final CloudinaryUsageClient.Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    /** Signs with SHA-1, Cloudinary's default. */
    public CloudinaryMediaProvider(CloudinaryAccount account, UsageClientSettings settings) {
        this(account, settings, SignatureAlgorithm.SHA1);
    }

    /** @param signatureAlgorithm SHA256 for an account set to require SHA-256 signatures */
    public CloudinaryMediaProvider(CloudinaryAccount account, UsageClientSettings settings,
                                   SignatureAlgorithm signatureAlgorithm) {
        this(account, settings, signatureAlgorithm, duration -> Thread.sleep(duration.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    CloudinaryMediaProvider(CloudinaryAccount account, UsageClientSettings settings,
                            SignatureAlgorithm signatureAlgorithm, CloudinaryUsageClient.Sleeper sleeper,
                            DoubleSupplier random, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        int connect = Math.toIntExact(settings.connectTimeout().toMillis());
        int read = Math.toIntExact(settings.readTimeout().toMillis());
        this.http = HttpClients.custom()
                .useSystemProperties()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                // Retries follow the policy and its budget; the client's own would ignore both.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("media-pipeline (cloudinary-http44 transport)")
                .build();
    }

    /**
     * @param resourceType {@code image}, {@code video} or {@code raw}
     * @throws TransientFailureException   when Cloudinary stayed rate-limited, unavailable or unreachable
     * @throws CloudinaryRejectedException when Cloudinary refused the request (credentials, signature, cloud name)
     */
    @Override
    public boolean destroy(String publicId, String resourceType) {
        if (publicId == null || publicId.isBlank()) {
            throw new IllegalArgumentException("a public id is required");
        }
        if (!RESOURCE_TYPES.contains(resourceType)) {
            throw new IllegalArgumentException("a Cloudinary resource type is one of " + RESOURCE_TYPES + "; got '"
                    + resourceType + "'");
        }
        RetryPolicy policy = settings.retry();
        Duration spent = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Attempt outcome = attempt(publicId, resourceType);
            spent = spent.plusNanos(System.nanoTime() - started);
            if (outcome instanceof Answered answered) {
                return answered.destroyed();
            }
            Failed failed = (Failed) outcome;
            if (attempt >= policy.maxAttempts()) {
                throw new TransientFailureException(failed.reason() + " (gave up after " + attempt + " attempts)",
                        failed.cause());
            }
            int retry = attempt;
            Duration wait = failed.retryAfter().orElseGet(() -> policy.delayBefore(retry, random.getAsDouble()));
            if (spent.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
                throw new TransientFailureException(failed.reason() + " (gave up after " + attempt
                        + " attempts: waiting " + wait.toMillis() + " ms more would exceed the "
                        + policy.maxTotalTime().toMillis() + " ms budget)", failed.cause());
            }
            log.atWarn().addKeyValue("attempt", attempt).addKeyValue("waitMs", wait.toMillis())
                    .log("Cloudinary destroy failed, retrying: {}", failed.reason());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailureException(failed.reason() + " (interrupted while waiting to retry)", e);
            }
            spent = spent.plus(wait);
        }
    }

    private Attempt attempt(String publicId, String resourceType) {
        HttpPost request = new HttpPost(URI.create(account.apiBaseUrl() + "/v1_1/" + account.cloudName() + "/"
                + resourceType + "/destroy"));
        request.setHeader("Accept", "application/json");
        // Signed afresh for each attempt: a signature is only valid for an hour after its timestamp.
        request.setEntity(new UrlEncodedFormEntity(form(publicId), StandardCharsets.UTF_8));
        try (CloseableHttpResponse response = http.execute(request)) {
            int status = response.getStatusLine().getStatusCode();
            byte[] body = CloudinaryUsageClient.read(response.getEntity());
            if (status == 200) {
                return new Answered(destroyed(publicId, body));
            }
            String said = scrub(CloudinaryUsageClient.excerpt(body));
            Optional<Duration> retryAfter = CloudinaryUsageClient.retryAfter(response.getFirstHeader("Retry-After"),
                    clock);
            if (status == 420 || status == 429) {
                return new Failed("Cloudinary rate-limited the destroy of " + publicId + " (HTTP " + status + ")"
                        + said, retryAfter, null);
            }
            if (status >= 500 && status <= 599) {
                return new Failed("Cloudinary answered the destroy of " + publicId + " with HTTP " + status + said,
                        retryAfter, null);
            }
            throw new CloudinaryRejectedException(status, "Cloudinary refused the destroy of " + publicId
                    + " in cloud " + account.cloudName() + " with HTTP " + status + said + hint(status));
        } catch (SocketTimeoutException e) {
            return new Failed("Cloudinary sent no answer within the read timeout of "
                    + settings.readTimeout().toMillis() + " ms", Optional.empty(), e);
        } catch (ConnectTimeoutException e) {
            return new Failed("no connection to " + account.apiBaseUrl() + " within "
                    + settings.connectTimeout().toMillis() + " ms", Optional.empty(), e);
        } catch (CloudinaryUsageClient.BodyTooLargeException e) {
            throw new CloudinaryRejectedException(0, "Cloudinary's destroy answer is not one: " + e.getMessage());
        } catch (IOException e) {
            return new Failed("the destroy request to " + account.apiBaseUrl() + " failed: " + e, Optional.empty(), e);
        }
    }

    private List<NameValuePair> form(String publicId) {
        Map<String, Object> signed = new TreeMap<>();
        signed.put("public_id", publicId);
        signed.put("invalidate", "true");
        signed.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        String signature = Util.produceSignature(signed, account.apiSecret(), signatureAlgorithm);
        List<NameValuePair> form = new ArrayList<>();
        signed.forEach((name, value) -> form.add(new BasicNameValuePair(name, value.toString())));
        form.add(new BasicNameValuePair("api_key", account.apiKey()));
        form.add(new BasicNameValuePair("signature", signature));
        return form;
    }

    private boolean destroyed(String publicId, byte[] body) {
        String result;
        try {
            JsonNode root = JSON.readTree(body);
            result = root == null ? null : root.path("result").asText(null);
        } catch (IOException e) {
            result = null;
        }
        if ("ok".equals(result)) {
            return true;
        }
        if ("not found".equals(result)) {
            return false;
        }
        throw new CloudinaryRejectedException(200, "Cloudinary's answer to the destroy of " + publicId
                + " has no known result" + scrub(CloudinaryUsageClient.excerpt(body)));
    }

    private String hint(int status) {
        return switch (status) {
            case 401, 403 -> "; check the API key and secret (CLOUDINARY_URL) and the signature algorithm ("
                    + signatureAlgorithm + ")";
            case 404 -> "; check the cloud name and the API base URL (" + account.apiBaseUrl() + ")";
            default -> "";
        };
    }

    /** Cloudinary echoes request details in its errors; the secret must never reach a message or a log. */
    private String scrub(String text) {
        return text.replace(account.apiSecret(), "***");
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
