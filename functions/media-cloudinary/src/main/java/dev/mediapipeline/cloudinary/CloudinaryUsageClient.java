package dev.mediapipeline.cloudinary;

import dev.mediapipeline.domain.port.ProviderUsage;
import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;
import dev.mediapipeline.domain.usage.UsageUnavailableException;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.utils.DateUtils;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * {@link ProviderUsage} on Cloudinary's Admin API: {@code GET /v1_1/{cloud}/usage} with basic auth
 * (API key : API secret).
 *
 * <p>The request goes through Apache HttpClient 4, the transport {@code cloudinary-http44} itself uses, rather
 * than through the SDK's {@code Api.usage()}: that call turns every non-200 answer into an exception that no longer
 * carries the status code (a 429 or a 503 becomes a {@code GeneralError} message) nor any header, so
 * {@code Retry-After} is lost; a 5xx with an HTML body surfaces as "Invalid JSON response"; and its timeout is one
 * setting in whole seconds. Here every attempt has explicit connect and read timeouts, the status decides whether a
 * retry can help, and waits follow {@link RetryPolicy}. The SDK still reads {@code CLOUDINARY_URL}
 * ({@link CloudinaryAccount#fromUrl}).
 *
 * <p>Answers: 200 is parsed by {@link CloudinaryUsageParser}; 420 and 429 (rate limited) and 5xx are retried,
 * honouring {@code Retry-After}; timeouts and connection failures are retried; any other status (401, 403, 404)
 * fails at once, since only a configuration change can fix it.
 */
public final class CloudinaryUsageClient implements ProviderUsage, AutoCloseable {

    /** A usage report is a few KB; a body far larger than that is not one and must not fill the heap. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CloudinaryUsageClient.class);

    /** How one attempt ended: an answer to parse, or a failure that says whether and when to try again. */
    private sealed interface Attempt permits Answered, Failed {
    }

    private record Answered(byte[] body) implements Attempt {
    }

    private record Failed(UsageUnavailableException error, Optional<Duration> retryAfter) implements Attempt {
    }

    /** Waits between attempts; tests replace it so that they neither sleep nor depend on timing. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CloudinaryAccount account;
    private final UsageClientSettings settings;
    private final CloseableHttpClient http;
    private final CloudinaryUsageParser parser = new CloudinaryUsageParser();
    private final String authorization;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    public CloudinaryUsageClient(CloudinaryAccount account, UsageClientSettings settings) {
        this(account, settings, duration -> Thread.sleep(duration.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    CloudinaryUsageClient(CloudinaryAccount account, UsageClientSettings settings, Sleeper sleeper,
                          DoubleSupplier random, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account.apiKey() + ":" + account.apiSecret()).getBytes(StandardCharsets.UTF_8));
        int connect = Math.toIntExact(settings.connectTimeout().toMillis());
        int read = Math.toIntExact(settings.readTimeout().toMillis());
        this.http = HttpClients.custom()
                .useSystemProperties()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                // Retries are this class's business: the client's own would ignore the policy and its budget.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("media-pipeline poll-usage (cloudinary-http44 transport)")
                .build();
    }

    @Override
    public String provider() {
        return CloudinaryUsageParser.PROVIDER;
    }

    /**
     * @throws UsageUnavailableException retryable when the last attempt was refused or failed for a reason that may
     *                                   pass (rate limit, 5xx, timeout, connection), not retryable otherwise
     */
    @Override
    public ProviderUsageSnapshot current() {
        RetryPolicy policy = settings.retry();
        Duration spent = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Attempt outcome = attempt();
            spent = spent.plusNanos(System.nanoTime() - started);
            if (outcome instanceof Answered answered) {
                return parser.parse(answered.body());
            }
            Failed failed = (Failed) outcome;
            UsageUnavailableException error = failed.error();
            if (!error.isRetryable()) {
                throw error;
            }
            if (attempt >= policy.maxAttempts()) {
                throw withContext(error, "gave up after " + attempt + " attempts");
            }
            int retry = attempt;
            Duration wait = failed.retryAfter().orElseGet(() -> policy.delayBefore(retry, random.getAsDouble()));
            if (spent.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
                throw withContext(error, "gave up after " + attempt + " attempts: waiting " + wait.toMillis()
                        + " ms more would exceed the " + policy.maxTotalTime().toMillis() + " ms budget");
            }
            log.atWarn().addKeyValue("attempt", attempt).addKeyValue("reason", error.reason())
                    .addKeyValue("waitMs", wait.toMillis())
                    .addKeyValue("retryAfter", failed.retryAfter().isPresent())
                    .log("Cloudinary usage request failed, retrying: {}", error.getMessage());
            sleep(wait, error);
            spent = spent.plus(wait);
        }
    }

    private Attempt attempt() {
        HttpGet request = new HttpGet(account.usageUri());
        request.setHeader("Authorization", authorization);
        request.setHeader("Accept", "application/json");
        try (CloseableHttpResponse response = http.execute(request)) {
            int status = response.getStatusLine().getStatusCode();
            byte[] body = read(response.getEntity());
            if (status == 200) {
                return new Answered(body);
            }
            return failure(status, body, retryAfter(response.getFirstHeader("Retry-After"), clock));
        } catch (SocketTimeoutException e) {
            return new Failed(UsageUnavailableException.transientFault(UsageUnavailableException.TIMEOUT,
                    "Cloudinary sent no answer within the read timeout of " + settings.readTimeout().toMillis()
                            + " ms", e), Optional.empty());
        } catch (ConnectTimeoutException e) {
            return new Failed(UsageUnavailableException.transientFault(UsageUnavailableException.UNREACHABLE,
                    "no connection to " + account.apiBaseUrl() + " within " + settings.connectTimeout().toMillis()
                            + " ms", e), Optional.empty());
        } catch (BodyTooLargeException e) {
            return new Failed(UsageUnavailableException.permanent(UsageUnavailableException.MALFORMED_RESPONSE,
                    "Cloudinary's usage answer is not a usage report: " + e.getMessage(), e), Optional.empty());
        } catch (IOException e) {
            return new Failed(UsageUnavailableException.transientFault(UsageUnavailableException.UNREACHABLE,
                    "the request to " + account.apiBaseUrl() + " failed: " + e, e), Optional.empty());
        }
    }

    private Failed failure(int status, byte[] body, Optional<Duration> retryAfter) {
        String said = excerpt(body);
        if (status == 420 || status == 429) {
            return new Failed(UsageUnavailableException.transientFault(UsageUnavailableException.RATE_LIMITED,
                    "Cloudinary rate-limited the usage request (HTTP " + status + ")" + said, null), retryAfter);
        }
        if (status >= 500 && status <= 599) {
            return new Failed(UsageUnavailableException.transientFault(UsageUnavailableException.UNAVAILABLE,
                    "Cloudinary answered HTTP " + status + said, null), retryAfter);
        }
        String hint = switch (status) {
            case 401, 403 -> "; check the API key and secret (CLOUDINARY_URL or CLOUDINARY_API_KEY/CLOUDINARY_API_SECRET)";
            case 404 -> "; check the cloud name and the API base URL (" + account.apiBaseUrl() + ")";
            default -> "";
        };
        return new Failed(UsageUnavailableException.permanent(UsageUnavailableException.REJECTED,
                "Cloudinary refused the usage request of cloud " + account.cloudName() + " with HTTP " + status + said
                        + hint, null), Optional.empty());
    }

    /** Delta-seconds or an HTTP date; anything else is ignored in favour of the computed wait. */
    static Optional<Duration> retryAfter(Header header, Clock clock) {
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            Date date = DateUtils.parseDate(value);
            if (date == null) {
                return Optional.empty();
            }
            Duration until = Duration.between(clock.instant(), Instant.ofEpochMilli(date.getTime()));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        }
    }

    static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw new BodyTooLargeException("the body is larger than " + MAX_BODY_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The start of an error body, for the message: Cloudinary explains refusals in it. */
    static String excerpt(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "" : ": " + text;
    }

    private static UsageUnavailableException withContext(UsageUnavailableException error, String context) {
        return new UsageUnavailableException(error.reason(), error.getMessage() + " (" + context + ")",
                error.isRetryable(), error);
    }

    private void sleep(Duration wait, UsageUnavailableException error) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw withContext(error, "interrupted while waiting to retry");
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
