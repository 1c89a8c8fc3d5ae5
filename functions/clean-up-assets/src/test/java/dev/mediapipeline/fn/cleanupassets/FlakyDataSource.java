package dev.mediapipeline.fn.cleanupassets;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** A data source whose database "goes away" after a number of connections, until it is restored. */
final class FlakyDataSource implements DataSource {

    private final DataSource database;
    private final AtomicInteger connectionsLeft = new AtomicInteger(Integer.MAX_VALUE);

    FlakyDataSource(DataSource database) {
        this.database = database;
    }

    void goAwayAfter(int connections) {
        connectionsLeft.set(connections);
    }

    void restore() {
        connectionsLeft.set(Integer.MAX_VALUE);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (connectionsLeft.getAndUpdate(left -> Math.max(0, left - 1)) <= 0) {
            throw new SQLException("Connection to localhost refused", "08001");
        }
        return database.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return database.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return database.isWrapperFor(type);
    }
}
