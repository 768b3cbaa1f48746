package dev.planetary.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        return secured(dataDirectory, builder(dataDirectory, false).setCleanDataDirectory(!restartable).start());
    }

    /**
     * A server whose data is meant to last: it survives a stop, and what was committed survives a
     * crash of the machine (fsync and synchronous commit on). Start it again with {@link #startAgain}.
     */
    public static Started startDurable(Path dataDirectory) throws IOException {
        return secured(dataDirectory, builder(dataDirectory, true).setCleanDataDirectory(false).start());
    }

    private static Started secured(Path dataDirectory, EmbeddedPostgres postgres) throws IOException {
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
        return startAgain(server, dataDirectory, false);
    }

    public static Started startAgain(PostgresServer server, Path dataDirectory, boolean durable) throws IOException {
        EmbeddedPostgres postgres = builder(dataDirectory, durable)
                .setCleanDataDirectory(false)
                .setPort(server.port())
                .setConnectConfig("password", server.superuserPassword())
                .start();
        return new Started(postgres, server);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setServerConfig("max_connections", "200")
                // Parallel query slows catalog queries on two cores (shared/bench/README.md).
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the health page's top queries; loaded only at start, so every server gets it
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        if (durable) {
            // The bundle starts every server with -F (fsync off) and synchronous_commit off: right for
            // tests, wrong for data that must outlive a crash. These -c options come after -F and win.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return builder;
    }

    /**
     * Stops a server still running on {@code dataDirectory} for a process that was killed (a
     * SIGKILL leaves the servers it started running, holding their data directory). SIGTERM is
     * PostgreSQL's smart shutdown: it ends once the dead process's sessions are gone, which they are.
     * Only for directories no live process uses: the caller holds their lock.
     */
    public static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale file: PostgreSQL itself ignores it
        }
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server left running on " + dataDirectory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the server left running on " + dataDirectory + " (pid " + postmaster.get().pid()
                    + ") did not stop within 60 s; stop it and start again", e);
        }
    }

    /** Letters and digits only, so it can be written into SQL and URLs without quoting. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }
}
