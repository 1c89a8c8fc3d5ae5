package dev.mediapipeline.cloudinary;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;
import dev.mediapipeline.domain.usage.ResourceUsage;
import dev.mediapipeline.domain.usage.UsageUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class CloudinaryUsageClientTest {

    @RegisterExtension
    static final WireMockExtension cloudinary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String USAGE = "/v1_1/demo-cloud/usage";
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private CloudinaryUsageClient client;

    private CloudinaryUsageClient client(Duration readTimeout, RetryPolicy retry) {
        CloudinaryAccount account = CloudinaryAccount.fromUrl("cloudinary://123456:s3cr3t@demo-cloud")
                .withApiBaseUrl(cloudinary.baseUrl());
        client = new CloudinaryUsageClient(account, new UsageClientSettings(Duration.ofSeconds(2), readTimeout, retry),
                sleeps::add, () -> 0.5, Clock.fixed(NOW, ZoneOffset.UTC));
        return client;
    }

    private CloudinaryUsageClient client() {
        return client(Duration.ofSeconds(2), RETRY);
    }

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CloudinaryUsageClientTest.class.getResourceAsStream("/cloudinary/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, ResourceUsage> byName(ProviderUsageSnapshot snapshot) {
        return snapshot.resources().stream().collect(Collectors.toMap(ResourceUsage::resource, Function.identity()));
    }

    /** The first answers fail as given; every later request gets the normal report. */
    private void failFirst(ResponseDefinitionBuilder... failures) throws IOException {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after-" + (i + 1);
            cloudinary.stubFor(usage().inScenario("flaky").whenScenarioStateIs(state).willReturn(failures[i])
                    .willSetStateTo(next));
            state = next;
        }
        cloudinary.stubFor(usage().inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(okJson(fixture("usage-full.json"))));
    }

    private static MappingBuilder usage() {
        return get(urlEqualTo(USAGE));
    }

    private int requests() {
        return cloudinary.findAll(getRequestedFor(urlEqualTo(USAGE))).size();
    }

    @Test
    void aNormalAnswerBecomesOneResourcePerBlock_withTheRatioComputedHere() throws IOException {
        cloudinary.stubFor(usage().willReturn(okJson(fixture("usage-full.json"))));

        ProviderUsageSnapshot snapshot = client().current();

        assertThat(snapshot.provider()).isEqualTo("cloudinary");
        assertThat(snapshot.plan()).isEqualTo("Plus");
        assertThat(snapshot.lastUpdated()).isEqualTo("2026-03-31");
        assertThat(snapshot.resources()).extracting(ResourceUsage::resource).containsExactly(
                "storage", "bandwidth", "transformations", "objects", "requests", "resources", "derived_resources",
                "credits");
        Map<String, ResourceUsage> resources = byName(snapshot);
        assertThat(resources.get("storage")).isEqualTo(new ResourceUsage("storage", "bytes", 8696000000d, 10737418240d));
        assertThat(resources.get("storage").ratio().getAsDouble()).isCloseTo(0.8099, within(0.0001));
        assertThat(resources.get("transformations").ratio().getAsDouble()).isCloseTo(0.82, within(1e-9));
        assertThat(resources.get("credits").unit()).isEqualTo("credits");
        assertThat(resources.get("credits").ratio().getAsDouble()).isCloseTo(0.964, within(1e-9));
        assertThat(resources.get("requests")).isEqualTo(new ResourceUsage("requests", "count", 91234, null));
        cloudinary.verify(1, getRequestedFor(urlEqualTo(USAGE))
                .withBasicAuth(new BasicCredentials("123456", "s3cr3t")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void missingBlocksAreSkipped() {
        cloudinary.stubFor(usage().willReturn(okJson(
                "{\"plan\":\"Free\",\"transformations\":{\"usage\":100,\"limit\":500}}")));

        ProviderUsageSnapshot snapshot = client().current();

        assertThat(snapshot.resources()).containsExactly(new ResourceUsage("transformations", "count", 100, 500d));
    }

    @Test
    void aZeroNullOrMissingLimitMeansNoLimitAndNoRatio() {
        cloudinary.stubFor(usage().willReturn(okJson("""
                {"storage":{"usage":5000,"limit":0},
                 "bandwidth":{"usage":7000},
                 "objects":{"usage":12,"limit":null,"used_percent":0}}""")));

        ProviderUsageSnapshot snapshot = client().current();

        assertThat(snapshot.resources()).hasSize(3).allSatisfy(resource -> {
            assertThat(resource.hasLimit()).isFalse();
            assertThat(resource.ratio()).isEmpty();
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {420, 429})
    void aRateLimitedAnswerIsRetriedAfterAJitteredWait_thenSucceeds(int status) throws IOException {
        failFirst(aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"Rate Limit Exceeded\"}}"));

        ProviderUsageSnapshot snapshot = client().current();

        assertThat(snapshot.resources()).isNotEmpty();
        assertThat(requests()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterInSecondsIsHonouredInsteadOfTheComputedWait() throws IOException {
        failFirst(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        client().current();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonouredToo() throws IOException {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(5),
                ZoneOffset.UTC));
        failFirst(aResponse().withStatus(503).withHeader("Retry-After", inFiveSeconds));

        client().current();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aServerErrorIsRetried_thenSucceeds() throws IOException {
        failFirst(aResponse().withStatus(500).withBody("<html>Internal error</html>"),
                aResponse().withStatus(502));

        ProviderUsageSnapshot snapshot = client().current();

        assertThat(snapshot.plan()).isEqualTo("Plus");
        assertThat(requests()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aPersistentServerErrorFailsClearlyAfterTheLastAttempt_asRetryable() {
        cloudinary.stubFor(usage().willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"General Error\"}}")));

        UsageUnavailableException error = catchThrowableOfType(() -> client().current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.UNAVAILABLE);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error).hasMessageContaining("HTTP 500").hasMessageContaining("General Error")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(requests()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeout_retriedWithinTheAttempts() {
        cloudinary.stubFor(usage().willReturn(okJson("{\"objects\":{\"usage\":1}}").withFixedDelay(1500)));

        UsageUnavailableException error = catchThrowableOfType(
                () -> client(Duration.ofMillis(200), new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofSeconds(30))).current(),
                UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.TIMEOUT);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error).hasMessageContaining("200 ms");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aSingleSlowAnswerIsRecoveredByTheNextAttempt() throws IOException {
        failFirst(okJson("{\"objects\":{\"usage\":1}}").withFixedDelay(1500));

        ProviderUsageSnapshot snapshot = client(Duration.ofMillis(200), RETRY).current();

        assertThat(snapshot.plan()).isEqualTo("Plus");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<html><body>Service temporarily unavailable</body></html>",
            "{\"storage\":{\"usage\":12",
            "[1, 2, 3]",
            "{\"error\":{\"message\":\"something\"}}",
            "{\"storage\":{\"usage\":\"lots\"}}",
            "{\"storage\":{\"usage\":10,\"limit\":\"100\"}}",
            "{\"bandwidth\":\"unlimited\"}",
            "{\"storage\":{\"usage\":1}} trailing"
    })
    void aBodyThatIsNotAUsageReportFailsAtOnce_notRetryable(String body) {
        cloudinary.stubFor(usage().willReturn(aResponse().withStatus(200).withBody(body)));

        UsageUnavailableException error = catchThrowableOfType(() -> client().current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.MALFORMED_RESPONSE);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error).hasMessageStartingWith("Cloudinary's usage answer is not a usage report");
        assertThat(requests()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aHugeBodyIsRefusedWithoutReadingItAll() {
        cloudinary.stubFor(usage().willReturn(okJson("{\"plan\":\"" + "x".repeat(CloudinaryUsageClient.MAX_BODY_BYTES)
                + "\"}")));

        UsageUnavailableException error = catchThrowableOfType(() -> client().current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.MALFORMED_RESPONSE);
        assertThat(error).hasMessageContaining("larger than");
    }

    @Test
    void rejectedCredentialsFailAtOnceWithAHint_notRetryable() {
        cloudinary.stubFor(usage().willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Invalid api_key 123456\"}}")));

        UsageUnavailableException error = catchThrowableOfType(() -> client().current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.REJECTED);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error).hasMessageContaining("HTTP 401").hasMessageContaining("API key")
                .hasMessageNotContaining("s3cr3t");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetGivesUpWithoutWaiting() {
        cloudinary.stubFor(usage().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        UsageUnavailableException error = catchThrowableOfType(() -> client().current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.RATE_LIMITED);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error).hasMessageContaining("budget");
        assertThat(requests()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void nothingListeningIsUnreachable_andRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CloudinaryAccount account = new CloudinaryAccount("demo-cloud", "k", "s", "http://127.0.0.1:" + closedPort);
        client = new CloudinaryUsageClient(account, new UsageClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5))), sleeps::add, () -> 0.5,
                Clock.systemUTC());

        UsageUnavailableException error = catchThrowableOfType(() -> client.current(), UsageUnavailableException.class);

        assertThat(error.reason()).isEqualTo(UsageUnavailableException.UNREACHABLE);
        assertThat(error.isRetryable()).isTrue();
        assertThat(sleeps).hasSize(1);
    }
}
