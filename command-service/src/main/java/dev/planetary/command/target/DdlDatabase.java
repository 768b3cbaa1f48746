package dev.planetary.command.target;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.planetary.kernel.target.TargetId;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PreferQueryMode;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pool of elevated connections to the target. Deliberately not a DataSource bean: nothing
 * but the dry-run and the executor can reach it, and it cannot be picked up by autowiring.
 */
public class DdlDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final DdlTargetProperties properties;

    public DdlDatabase(DdlTargetProperties properties) {
        this(TargetId.DEFAULT, properties);
    }

    /** Opens no connection until one is asked for, and gives up on an unreachable server within seconds. */
    public DdlDatabase(TargetId target, DdlTargetProperties properties) {
        this.properties = properties;
        HikariConfig config = new HikariConfig();
        config.setPoolName("planetary-ddl-" + target);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("connectTimeout", "3");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.ddl().username());
        config.setPassword(properties.ddl().password());
        config.setMaximumPoolSize(4); // an apply, its progress watcher, a dry-run, a test run
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        config.addDataSourceProperty("ApplicationName", "planetary-executor");
        // Extended protocol: each statement is one Parse message, which the server refuses to hold two
        // commands in. The simple protocol would let the server run whatever the text holds.
        config.addDataSourceProperty("preferQueryMode", "extended");
        pool = new HikariDataSource(config);
    }

    public Connection connection() throws SQLException {
        Connection connection = pool.getConnection();
        // A URL's preferQueryMode=simple would win over the property above: refuse to run DDL on it.
        if (connection.unwrap(PGConnection.class).getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            connection.close();
            throw new SQLException("the target URL asks for the simple query protocol (preferQueryMode=simple);"
                    + " Planetary runs plans only over the extended protocol", "08000");
        }
        return connection;
    }

    /**
     * A session of its own, outside the pool: it starts with the server's configuration as it is now and
     * nothing a pooled session set since (ALTER SYSTEM is checked in one). The caller closes it.
     */
    public Connection newSession() throws SQLException {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", properties.ddl().username());
        login.setProperty("password", properties.ddl().password());
        login.setProperty("connectTimeout", "3");
        login.setProperty("ApplicationName", "planetary-executor");
        login.setProperty("preferQueryMode", "extended");
        return java.sql.DriverManager.getConnection(properties.url(), login);
    }

    @Override
    public void close() {
        pool.close();
    }
}
