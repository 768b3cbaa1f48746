package dev.planetary.query.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the audit server: the writer's pool for everyday appends, and a short-lived
 * owner connection for the one operator action that prepares the server.
 */
@Component
public class AuditServer implements AutoCloseable {

    private final AuditProperties properties;
    private volatile HikariDataSource writer;

    public AuditServer(AuditProperties properties) {
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public AuditProperties properties() {
        return properties;
    }

    /** The writer's connection: INSERT on the audit tables, nothing else. */
    public Connection writer() throws SQLException {
        return writerPool().getConnection();
    }

    public Connection owner() throws SQLException {
        return java.sql.DriverManager.getConnection(properties.url(), properties.owner().username(), properties.owner().password());
    }

    private DataSource writerPool() {
        if (!enabled()) {
            throw new IllegalStateException("no audit server is configured (planetary.audit.url)");
        }
        HikariDataSource pool = writer;
        if (pool == null) {
            synchronized (this) {
                if (writer == null) {
                    HikariConfig config = new HikariConfig();
                    config.setJdbcUrl(properties.url());
                    config.setUsername(properties.writer().username());
                    config.setPassword(properties.writer().password());
                    config.setPoolName("planetary-audit");
                    config.setMaximumPoolSize(2);
                    config.setMinimumIdle(0);
                    config.setInitializationFailTimeout(-1);
                    config.setConnectionTimeout(5_000);
                    writer = new HikariDataSource(config);
                }
                pool = writer;
            }
        }
        return pool;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
