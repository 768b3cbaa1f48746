package dev.planetary.ui.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.ChildApplication;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application is killed (SIGKILL) while it builds an index CONCURRENTLY on two million rows,
 * then started again on the same databases: the change ends APPLIED with a valid index or FAILED
 * with none, and no INVALID index is left either way. The application runs as a child JVM
 * ({@link ChildApplication}) on a stack of its own, since the test JVM's Spring context cannot be
 * killed; its logs are target/killed-app-*.log.
 */
class ApplicationKillE2EIT {

    private static final TestStack STACK = TestStack.create("killed");
    private static final String TABLE = "kill_bulk.reading";
    private static final String INDEX = "kill_bulk.reading_payload_idx";
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final List<ChildApplication> started = new ArrayList<>();

    @BeforeAll
    static void table() {
        STACK.asOwner("CREATE SCHEMA kill_bulk",
                // autovacuum would take the freshly loaded table and yield to the dry-run's lock only after
                // deadlock_timeout, past the tests' 700 ms lock timeout
                "CREATE TABLE " + TABLE + " WITH (autovacuum_enabled = false) AS SELECT g AS id, (g % 7919)::int AS sensor,"
                        + " md5(g::text) AS payload FROM generate_series(1, 2000000) g");
    }

    @AfterEach
    void stopChildren() {
        started.forEach(ChildApplication::close);
    }

    @Test
    void a_build_killed_with_the_application_resumes_to_a_valid_index_or_fails_clean() throws Exception {
        int port = ChildApplication.freePort();
        Api api = new Api(port);
        ChildApplication first = start("killed-app-1", port);

        JsonNode proposed = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "kill_bulk", "name": "reading"},
                 "name": "reading_payload_idx", "keys": [{"column": "payload"}, {"column": "sensor"}]}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.toString()).isEqualTo("PASSED");
        approve(api, id, proposed.path("requiredApprovals").asInt());

        // Past its first transaction the build's index is in the catalog, INVALID until the build ends.
        await("the concurrent build scanning " + TABLE).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> buildPhase().startsWith("building index"));
        first.kill();

        // The server notices the dead client (client_connection_check_interval) and ends the build.
        // Its progress row goes first; its locks only once the backend has exited (the cleanup would wait on them).
        await("the killed build's backend gone").atMost(Duration.ofSeconds(30)).until(() -> buildPhase().isEmpty()
                && count("SELECT count(*) FROM pg_catalog.pg_locks WHERE relation = '" + TABLE + "'::regclass"
                + " AND pid <> pg_backend_pid()") == 0);
        String leftByTheKill = indexState();
        assertThat(leftByTheKill).as("a build cut short leaves its index INVALID; one that won the race is VALID")
                .isIn("INVALID", "VALID");

        start("killed-app-2", port);
        AtomicReference<JsonNode> change = new AtomicReference<>();
        await("the change resumed to an outcome").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    change.set(api.get("victor", "/api/changes/" + id).body());
                    return change.get().path("status").asText().matches("APPLIED|FAILED");
                });

        String status = change.get().path("status").asText();
        assertThat(count("SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
                + " WHERE i.indrelid = '" + TABLE + "'::regclass AND (NOT i.indisvalid OR c.relname ~ '_cc(new|old)[0-9]*$')"))
                .as("INVALID indexes or REINDEX copies on " + TABLE).isZero();
        assertThat(indexState()).as(change.get().toString()).isEqualTo(status.equals("APPLIED") ? "VALID" : "MISSING");

        List<String> history = api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("summary");
        if (leftByTheKill.equals("INVALID")) {
            assertThat(history).as("the resumed apply dropped what the killed build left")
                    .anyMatch(s -> s.startsWith("Step 1 cleaned up: dropped the INVALID index") && s.endsWith("left by an interrupted run"));
            assertThat(history.stream().filter(s -> s.startsWith("Step 1 started: CREATE INDEX CONCURRENTLY")))
                    .as("started before the kill and again after").hasSize(2);
        } else {
            assertThat(change.get().path("steps").get(0).path("status").asText()).isEqualTo("SKIPPED");
        }
        System.out.printf("killed mid-build (%s left), resumed: %s; history %s%n", leftByTheKill, status, history);
    }

    private ChildApplication start(String name, int port) {
        ChildApplication child = ChildApplication.start(name, STACK.properties(), port, STARTUP);
        started.add(child);
        return child;
    }

    /** Approves with as many distinct reviewers as the change's risk asks for. */
    private static void approve(Api api, String id, int required) {
        List<String> reviewers = List.of("bob", "carol");
        assertThat(required).isBetween(1, reviewers.size());
        for (String reviewer : reviewers.subList(0, required)) {
            Api.Response approval = api.approve(reviewer, id);
            assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        }
    }

    /** The phase of a running CREATE INDEX CONCURRENTLY on the table, or "" when none runs. */
    private static String buildPhase() throws SQLException {
        try (Connection target = STACK.target(); Statement sql = target.createStatement();
             ResultSet row = sql.executeQuery("SELECT phase FROM pg_catalog.pg_stat_progress_create_index"
                     + " WHERE relid = '" + TABLE + "'::regclass AND command = 'CREATE INDEX CONCURRENTLY'")) {
            return row.next() ? row.getString(1) : "";
        }
    }

    private static String indexState() throws SQLException {
        try (Connection target = STACK.target(); Statement sql = target.createStatement();
             ResultSet row = sql.executeQuery("SELECT CASE WHEN i.indisvalid THEN 'VALID' ELSE 'INVALID' END"
                     + " FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass('" + INDEX + "')")) {
            return row.next() ? row.getString(1) : "MISSING";
        }
    }

    private static long count(String sql) throws SQLException {
        return STACK.count(STACK.target(), sql);
    }
}
