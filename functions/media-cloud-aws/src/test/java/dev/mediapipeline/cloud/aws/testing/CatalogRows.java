package dev.mediapipeline.cloud.aws.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What a function left in the catalog database, read with plain SQL so that tests check the rows themselves. */
public final class CatalogRows {

    private final DataSource dataSource;

    public CatalogRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first column of the first row as text, or null when there is no row. */
    public String text(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** A {@code count(*)} query's answer. */
    public long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** Runs an INSERT/UPDATE/DELETE. */
    public void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }
}
