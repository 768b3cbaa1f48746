package dev.planetary.testsupport;

import dev.planetary.embedded.PostgresServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server from Debian's packages, started once per test JVM for the tests that need an
 * extension the embedded bundle lacks (hypopg, pg_cron): {@code postgresql-15} and the extension's
 * package ({@code postgresql-15-hypopg}, ...), which {@code .ci/run} installs. It listens on loopback
 * only, trusts its local logins, preloads pg_stat_statements (and pg_cron where its package is installed,
 * running jobs in {@value #CRON_DATABASE}, which the tests create), and is stopped when the JVM exits.
 * <p>
 * On a machine without the packages a test that needs it is skipped, saying what to install; where
 * {@value #REQUIRED} is set (.ci/run sets it, having installed them) it fails instead, so a missing
 * install step cannot pass unseen.
 */
public final class DebianPostgres {

    public static final String REQUIRED = "PLANETARY_REQUIRE_DEBIAN_POSTGRES";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path EXTENSIONS = Path.of("/usr/share/postgresql/15/extension");
    /** The database pg_cron runs its jobs in (cron.database_name): a test creates it and the extension there. */
    public static final String CRON_DATABASE = "planetary_cron";
    private static PostgresServer server;
    private static PostgresServer subscriber;

    private DebianPostgres() {
    }

    /** Skips the calling test (fails it under .ci/run) unless the server and these extensions are installed. */
    public static void assumeInstalled(String... extensions) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BIN.resolve("postgres"))) {
            missing.add("postgresql-15");
        }
        for (String extension : extensions) {
            if (!Files.exists(EXTENSIONS.resolve(extension + ".control"))) {
                missing.add("postgresql-15-" + extension);
            }
        }
        String message = "needs Debian's " + String.join(", ", missing) + " (apt-get install " + String.join(" ", missing) + ")";
        if (System.getenv(REQUIRED) != null) {
            Assertions.assertTrue(missing.isEmpty(), message);
        }
        Assumptions.assumeTrue(missing.isEmpty(), message);
    }

    /** The server, once per JVM: pg_cron and pg_stat_statements preloaded, {@code wal_level = logical} (a publisher). */
    public static synchronized PostgresServer server() {
        if (server == null) {
            server = start(preload());
        }
        return server;
    }

    /** A second server, once per JVM, with {@code wal_level = logical}: what subscribes to the first one's publications. */
    public static synchronized PostgresServer subscriber() {
        if (subscriber == null) {
            subscriber = start("");
        }
        return subscriber;
    }

    private static PostgresServer start(String preload) {
        try {
            Path home = Files.createTempDirectory("planetary-debian-pg-");
            Path data = home.resolve("data");
            int port = freePort();
            asServerOwner(home);
            run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync"));
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("log").toString(), "-w", "-o",
                    "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off" + LOGICAL + preload, "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(home, data), "debian-postgres-stop"));
            return new PostgresServer("127.0.0.1", port, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Debian's PostgreSQL 15", e);
        }
    }

    /** Logical replication: publications, subscriptions and their slots, between the two servers. */
    private static final String LOGICAL = " -c wal_level=logical -c max_wal_senders=10 -c max_replication_slots=10";

    /** pg_stat_statements, and pg_cron where it is installed (its jobs connect back over TCP to 127.0.0.1). */
    private static String preload() {
        if (!Files.exists(EXTENSIONS.resolve("pg_cron.control"))) {
            return " -c shared_preload_libraries=pg_stat_statements";
        }
        return " -c shared_preload_libraries=pg_stat_statements,pg_cron -c cron.database_name=" + CRON_DATABASE
                + " -c cron.host=127.0.0.1";
    }

    private static void stop(Path home, Path data) {
        try {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting; the directory is a temporary one
        }
    }

    /** initdb refuses to run as root: as root, the server's files belong to Debian's postgres user and it runs as that user. */
    private static void asServerOwner(Path home) throws IOException {
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", home.toString()));
        }
    }

    private static void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot() && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
