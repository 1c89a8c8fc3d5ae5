package dev.mediapipeline.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.mediapipeline.store.postgres.DataSources;
import dev.mediapipeline.store.postgres.PostgresMigrations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog database of a deployed function: one small lazy pool, migrated only when asked. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseProperties.class, DatabaseProperties.ConnectionProperties.class})
public class PostgresConnection {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties.ConnectionProperties connection, DatabaseProperties database) {
        if (connection.url() == null || connection.url().isBlank()) {
            throw new IllegalStateException("no catalog database configured: set SPRING_DATASOURCE_URL "
                    + "(jdbc:postgresql://host:5432/media), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
        }
        HikariDataSource dataSource = DataSources.hikari(connection.url(), connection.username(), connection.password(),
                database.poolSize());
        if (database.migrate()) {
            PostgresMigrations.migrate(dataSource);
        }
        return dataSource;
    }
}
