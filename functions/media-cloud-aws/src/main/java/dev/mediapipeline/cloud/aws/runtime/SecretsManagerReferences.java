package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.SecretsManagerSecrets;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Environment variables (and system properties) whose value is a Secrets Manager ARN are replaced by the secret's
 * string before anything binds them: Terraform hands a function the ARN of {@code SPRING_DATASOURCE_PASSWORD},
 * {@code MEDIA_AUTH_JWT_SECRET} or {@code CLOUDINARY_URL}, never the value. Costs nothing when no value is an ARN;
 * otherwise one {@code GetSecretValue} per distinct ARN at start-up (settings naming the same ARN share
 * one fetch). Values are never logged; a secret that cannot be read
 * fails the start with the ARN and Secrets Manager's answer. Registered in {@code META-INF/spring.factories}.
 */
public class SecretsManagerReferences implements EnvironmentPostProcessor, Ordered {

    /** {@code media.aws.endpoints.secrets-manager}: an emulator instead of the ARN region's endpoint. */
    static final String ENDPOINT_PROPERTY = "media.aws.endpoints.secrets-manager";

    private final Log log;

    public SecretsManagerReferences(DeferredLogFactory logs) {
        this.log = logs.getLog(SecretsManagerReferences.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> fromEnvironment = references(environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME));
        Map<String, Object> fromProperties = references(environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME));
        if (fromEnvironment.isEmpty() && fromProperties.isEmpty()) {
            return;
        }
        URI endpoint = Binder.get(environment).bind(ENDPOINT_PROPERTY, URI.class).orElse(null);
        // Built for the start only: closed here so no connection pool or credentials refresh thread outlives it.
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
             SdkHttpClient http = ApacheHttpClient.create()) {
            SecretFetch fetch = arn -> secretString(arn, http, credentials, endpoint);
            Map<String, String> fetched = new HashMap<>();
            resolve(fromEnvironment, fetched, fetch);
            resolve(fromProperties, fetched, fetch);
        }
        // The "-systemEnvironment" suffix keeps relaxed binding (SPRING_DATASOURCE_PASSWORD → spring.datasource.password).
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "secretsManager-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, fromEnvironment));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("secretsManagerProperties",
                fromProperties));
        log.info("resolved Secrets Manager references for " + fromEnvironment.keySet() + " " + fromProperties.keySet());
    }

    private static Map<String, Object> references(PropertySource<?> source) {
        Map<String, Object> arns = new LinkedHashMap<>();
        if (source instanceof EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
                if (enumerable.getProperty(name) instanceof String value
                        && SecretsManagerSecrets.isArn(value)) {
                    arns.put(name, value);
                }
            }
        }
        return arns;
    }

    /** One secret's string by its ARN. */
    @FunctionalInterface
    interface SecretFetch {
        String secretString(String arn) throws IOException;
    }

    /** Replaces each ARN by its secret, fetching each distinct ARN once ({@code fetched} spans all the maps). */
    static void resolve(Map<String, Object> arns, Map<String, String> fetched, SecretFetch fetch) {
        for (Map.Entry<String, Object> entry : arns.entrySet()) {
            String arn = (String) entry.getValue();
            try {
                String value = fetched.get(arn);
                if (value == null) {
                    value = fetch.secretString(arn);
                    fetched.put(arn, value);
                }
                entry.setValue(value);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(entry.getKey() + " names the secret " + arn + " but it could not be "
                        + "read (does the function's role allow secretsmanager:GetSecretValue on it?): "
                        + e.getMessage(), e);
            }
        }
    }

    private static String secretString(String arn, SdkHttpClient http, AwsCredentialsProvider credentials,
                                       URI endpoint) throws IOException {
        var region = SecretsManagerSecrets.regionOf(arn);
        return new SecretsManagerSecrets(http, credentials, region,
                endpoint != null ? endpoint : SecretsManagerSecrets.endpointFor(region)).secretString(arn);
    }
}
