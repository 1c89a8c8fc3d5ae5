package dev.mediapipeline.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a deployed function reaches PostgreSQL. The connection itself comes from the standard
 * {@code SPRING_DATASOURCE_URL} / {@code _USERNAME} / {@code _PASSWORD} variables ({@link ConnectionProperties}).
 *
 * @param poolSize connections one function instance may hold; one invocation uses one at a time, so 2 is plenty
 * @param migrate  apply pending Flyway migrations at startup. Off in the clouds: a schema change is a deliberate
 *                 step ({@code scripts/migrate}), not something a thousand cold starts race to do
 */
@ConfigurationProperties("media.database")
public record DatabaseProperties(@DefaultValue("2") int poolSize, @DefaultValue("false") boolean migrate) {

    /** The standard Spring Boot connection settings, bound here without Boot's own data-source auto-configuration. */
    @ConfigurationProperties("spring.datasource")
    public record ConnectionProperties(String url, String username, String password) {
    }
}
