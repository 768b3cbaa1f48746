package dev.planetary.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;

/**
 * Starts embedded PostgreSQL 15 servers that check passwords like a real deployment: the embedded
 * bundle trusts every local connection, which would let any password sign in to Planetary, so
 * the superuser gets a random password and pg_hba.conf is switched to scram-sha-256.
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    public record Started(EmbeddedPostgres postgres, PostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    public static Started start(Path dataDirectory) throws IOException {
        return start(dataDirectory, false);
    }

    /**
     * With {@code restartable}, the data directory survives a stop (the server's own clean-up would
     * delete it), so {@link #startAgain} can bring the server back with what it held.
     */
    public static Started start(Path dataDirectory, boolean restartable) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!restartable)
                .setServerConfig("max_connections", "200")
                // Parallel query slows catalog queries on two cores (shared/bench/README.md).
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        String password = randomPassword();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # written by Planetary: every connection authenticates with a password
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            statement.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            postgres.close();
            throw new IOException("could not secure the embedded PostgreSQL server", e);
        }
        return new Started(postgres, new PostgresServer("localhost", postgres.getPort(), "postgres", password));
    }

    /**
     * Starts a stopped server again on its data and port, as after an outage: what it held is
     * still there, and clients reconnect to the same address with the same password.
     */
    public static Started startAgain(PostgresServer server, Path dataDirectory) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(server.port())
                .setConnectConfig("password", server.superuserPassword())
                .setServerConfig("max_connections", "200")
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        return new Started(postgres, server);
    }

    /** Letters and digits only, so it can be written into SQL and URLs without quoting. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }
}
