package dev.mediapipeline.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSourcesTest {

    @Test
    void hikari_connectsToTheGivenDatabaseWithAPoolOfTheGivenSize() {
        TestDatabase database = TestDatabase.fresh();

        try (HikariDataSource pool = DataSources.hikari(database.jdbcUrl(), database.user(), "", 2)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            assertThat(JdbcClient.create(pool).sql("SELECT current_database()").query(String.class).single())
                    .isEqualTo(database.databaseName());
        }
    }

    @Test
    void hikari_doesNotConnectUntilFirstUse() {
        try (HikariDataSource pool = DataSources.hikari("jdbc:postgresql://127.0.0.1:1/nowhere", "u", "p", 1)) {
            assertThat(pool.isClosed()).isFalse();
        }
    }

    @Test
    void hikari_withoutAnyConnection_isRejected() {
        assertThatThrownBy(() -> DataSources.hikari("jdbc:postgresql://localhost/db", "u", "p", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
