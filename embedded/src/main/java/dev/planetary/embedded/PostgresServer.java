package dev.planetary.embedded;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server reached over TCP with a superuser login. Databases are created per test
 * class, so tests share one server without seeing each other's tables.
 */
public record PostgresServer(String host, int port, String superuser, String superuserPassword) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        return dataSource(database, superuser, superuserPassword);
    }

    public DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), superuser, superuserPassword);
    }

    /** Creates a new, empty database with a unique name starting with {@code prefix}. */
    public String createDatabase(String prefix) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Runs statements as the superuser, each in its own autocommit transaction. */
    public void execute(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** A server given as {@code jdbc:postgresql://host:port/db?user=...&password=...} (a superuser). */
    public static PostgresServer fromUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
        Map<String, String> parameters = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new PostgresServer(uri.getHost(), port, parameters.getOrDefault("user", "postgres"),
                parameters.getOrDefault("password", ""));
    }
}
