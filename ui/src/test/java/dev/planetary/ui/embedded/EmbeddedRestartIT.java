package dev.planetary.ui.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.ChildApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, started twice on one data directory in a JVM of its own: a change is
 * applied, the JVM is killed (SIGKILL, its PostgreSQL servers left running), and the next start stops
 * those servers, starts them again on the same data, ports and passwords without loading the demo
 * again, and shows the change and its history. Logs: target/embedded-restart-*.log.
 */
class EmbeddedRestartIT {

    private static final Path DATA = Path.of(System.getProperty("user.dir"), "target", "embedded-restart-it");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final List<String> SERVERS = List.of("control", "target", "staging", "audit");

    @BeforeAll
    static void emptyDirectory() throws IOException {
        delete(DATA);
    }

    @AfterAll
    static void noServerLeftRunning() throws IOException {
        for (String server : SERVERS) {
            dev.planetary.embedded.EmbeddedServers.stopOrphan(DATA.resolve(server));
        }
    }

    @Test
    void what_was_done_before_a_kill_is_there_after_the_next_start() throws Exception {
        int port = ChildApplication.freePort();
        Api api = new Api(port);
        Map<String, Object> properties = Map.of("planetary.embedded.enabled", true, "planetary.embedded.data-dir", DATA);
        String id;
        try (ChildApplication first = ChildApplication.start("embedded-restart-1", properties, port, STARTUP)) {
            id = api.applied("alice", "bob", """
                    {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"customer"},"grantee":"karen"}""");
            // the banner is printed once the application is ready, a moment after it answers: wait for it
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Files.readString(first.log()),
                    log -> log.contains("demo loaded on this first start"));
            first.kill();
        }
        Path stateFile = DATA.resolve(EmbeddedHome.STATE_FILE);
        assertThat(Files.getPosixFilePermissions(stateFile)).as("the file holds passwords")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile)) {
            state.load(reader);
        }
        assertThat(DATA.resolve("control").resolve("postmaster.pid")).as("the killed JVM left its servers running").exists();

        try (ChildApplication second = ChildApplication.start("embedded-restart-2", properties, port, STARTUP)) {
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Files.readString(second.log()),
                    log -> log.contains("kept from earlier starts"));
            JsonNode change = api.get("victor", "/api/changes/" + id).body();
            assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");
            List<String> history = api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("event");
            assertThat(history).contains("proposed", "applied");
            // A second change goes through on the servers started again.
            api.applied("alice", "bob", """
                    {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"invoice"},"grantee":"karen"}""");

            try (Connection control = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + state.getProperty("server.control.port") + "/planetary",
                    "postgres", state.getProperty("server.control.password"))) {
                assertThat(setting(control, "fsync")).isEqualTo("on");
                assertThat(setting(control, "synchronous_commit")).isEqualTo("on");
            }
            second.stop();
        }
        for (String server : SERVERS) {
            await("the " + server + " server stopped with the application").atMost(Duration.ofSeconds(30))
                    .until(() -> !Files.exists(DATA.resolve(server).resolve("postmaster.pid")));
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        noServerLeftRunning();
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
