package dev.planetary.command.target;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pool of elevated connections to the target. Deliberately not a DataSource bean: nothing
 * but the dry-run and the executor can reach it, and it cannot be picked up by autowiring.
 */
public class DdlDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    public DdlDatabase(DdlTargetProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("planetary-ddl");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.ddl().username());
        config.setPassword(properties.ddl().password());
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        config.addDataSourceProperty("ApplicationName", "planetary-executor");
        pool = new HikariDataSource(config);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
