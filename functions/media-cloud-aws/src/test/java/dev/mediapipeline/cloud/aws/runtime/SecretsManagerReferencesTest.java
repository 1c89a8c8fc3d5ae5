package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.testkit.support.RequiredTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.mediapipeline.cloud.aws.SecretsManagerSecrets;
import software.amazon.awssdk.regions.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets Manager ARNs in the settings become the secrets' values before binding, against moto's Secrets Manager. */
class SecretsManagerReferencesTest {

    private static LocalAws aws;

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @BeforeEach
    void requireMoto() {
        RequiredTools.assumeAvailable(aws.motoUnavailable() == null, aws.motoUnavailable());
        aws.settings(false).stream().filter(setting -> setting.property().startsWith("aws.")
                        || setting.property().equals(SecretsManagerReferences.ENDPOINT_PROPERTY))
                .forEach(setting -> System.setProperty(setting.property(), setting.value()));
    }

    @AfterEach
    void clearProperties() {
        List.of("media.auth.jwt-secret", "spring.datasource.password").forEach(System::clearProperty);
    }

    @Test
    void aSettingHoldingASecretArnBindsAsTheSecretsString() {
        System.setProperty("media.auth.jwt-secret", aws.putSecret("media/jwt-secret", "the-real-signing-key"));
        System.setProperty("spring.datasource.password", "not-a-reference");

        try (ConfigurableApplicationContext context = run()) {
            Binder binder = Binder.get(context.getEnvironment());
            assertThat(binder.bind("media.auth.jwt-secret", String.class).get()).isEqualTo("the-real-signing-key");
            assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("not-a-reference");
        }
    }

    @Test
    void aSecretThatCannotBeReadStopsTheStartNamingTheSettingAndTheArn() {
        String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:media/nothing-here-AbCdEf";
        System.setProperty("media.auth.jwt-secret", missing);

        assertThatThrownBy(SecretsManagerReferencesTest::run)
                .hasMessageContaining("media.auth.jwt-secret").hasMessageContaining(missing);
    }

    @Test
    void settingsNamingTheSameArnShareOneFetch() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:media/db-AbCdEf";
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("A_PASSWORD", arn, "B_PASSWORD", arn));
        List<String> fetches = new ArrayList<>();

        SecretsManagerReferences.resolve(settings, new HashMap<>(), requested -> {
            fetches.add(requested);
            return "value-of-" + requested;
        });

        assertThat(fetches).containsExactly(arn);
        assertThat(settings).containsEntry("A_PASSWORD", "value-of-" + arn).containsEntry("B_PASSWORD", "value-of-" + arn);
    }

    @Test
    void arnsOfEveryPartitionAreReferences() {
        assertThat(SecretsManagerSecrets.isArn("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf")).isTrue();
        assertThat(SecretsManagerSecrets.regionOf("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf"))
                .isEqualTo(Region.US_GOV_WEST_1);
        assertThat(SecretsManagerSecrets.isArn("arn:aws:s3:::bucket")).isFalse();
        assertThat(SecretsManagerSecrets.isArn("my-arn:aws:secretsmanager:x")).isFalse();
    }

    private static ConfigurableApplicationContext run() {
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run();
    }
}
