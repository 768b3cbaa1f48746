package dev.planetary.testsupport;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
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
}
