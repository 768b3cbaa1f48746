package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.Sessions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The health API against the real target: statistics of a table after a mass delete, the top statements
 * of a workload the test runs, a lock wait between two real sessions drawn as a tree, and an operator's
 * cancel and terminate, each kept in the history with who, why and what was running.
 */
class HealthIT extends PlanetaryIT {

    @Test
    void a_mass_delete_shows_as_dead_rows_and_the_tables_answer_while_a_table_is_locked() throws Exception {
        STACK.asOwner("CREATE TABLE app.health_dead (id int PRIMARY KEY, note text)",
                "ALTER TABLE app.health_dead SET (autovacuum_enabled = off)",
                "INSERT INTO app.health_dead SELECT g, repeat('x', 50) FROM generate_series(1, 5000) g",
                "DELETE FROM app.health_dead WHERE id <= 4000");
        await().atMost(Duration.ofSeconds(20)).until(() -> tableHealth("health_dead"), t -> t != null && t.path("deadTuples").asLong() >= 4000);
        STACK.asOwner("ANALYZE app.health_dead"); // counts what is there: 1,000 live rows, 4,000 dead

        JsonNode table = await().atMost(Duration.ofSeconds(20)).until(() -> tableHealth("health_dead"),
                t -> t.path("liveTuples").asLong() == 1000 && t.path("deadTuples").asLong() == 4000);
        assertThat(table.path("deadPercent").asDouble()).isGreaterThan(70);
        assertThat(table.path("heapBytes").asLong()).isPositive();
        assertThat(table.path("indexBytes").asLong()).isPositive();
        assertThat(table.path("lastAnalyze").isNull()).isFalse();
        assertThat(table.path("transactionIdAge").asLong()).isPositive();

        // ankane/pghero#444: a session holding ACCESS EXCLUSIVE must not hang the page
        try (Connection holder = STACK.target()) {
            holder.setAutoCommit(false);
            Sessions.execute(holder, "LOCK TABLE app.health_dead IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            Response tables = api.get("victor", "/api/health/tables");
            assertThat(tables.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(tables.body().findValuesAsText("name")).contains("health_dead");
            holder.rollback();
        }
    }

    @Test
    void the_top_queries_show_a_workload_run_by_the_test() throws Exception {
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < 40; i++) {
                statement.execute("SELECT count(*) AS health_probe_" + "marker FROM app.invoice WHERE id > " + i);
            }
        }
        JsonNode top = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("victor", "/api/health/queries?order=calls&limit=100").body(),
                body -> stream(body.path("queries")).anyMatch(q -> q.path("query").asText().contains("health_probe_marker")));
        JsonNode probe = stream(top.path("queries")).filter(q -> q.path("query").asText().contains("health_probe_marker")).findFirst().orElseThrow();
        assertThat(probe.path("calls").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(probe.path("query").asText()).contains("id > $1"); // normalised by PostgreSQL
        assertThat(probe.path("role").asText()).isEqualTo("postgres");
        assertThat(probe.path("database").asText()).isNotBlank();
        assertThat(top.path("problem").isNull()).isTrue();

        assertThat(api.get("victor", "/api/health/queries?order=fastest").code()).isEqualTo("invalid_request");
        assertThat(api.get("victor", "/api/health/queries?limit=0").body().path("field").asText()).isEqualTo("limit");
    }

    @Test
    void a_lock_wait_is_a_tree_and_an_operator_cancels_and_terminates_on_the_record() throws Exception {
        STACK.asOwner("CREATE SCHEMA health_probe", "GRANT USAGE ON SCHEMA health_probe TO alice, dave",
                "CREATE TABLE health_probe.locked (id int)", "GRANT ALL ON health_probe.locked TO alice, dave");
        try (Connection holder = STACK.targetAs("alice", "demo-alice"); Connection waiter = STACK.targetAs("dave", "demo-dave")) {
            int holderPid = Sessions.pid(holder);
            int waiterPid = Sessions.pid(waiter);
            holder.setAutoCommit(false);
            Sessions.execute(holder, "LOCK TABLE health_probe.locked IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> Sessions.execute(waiter, "SELECT count(*) FROM health_probe.locked"));

            JsonNode graph = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("victor", "/api/health/locks").body(),
                    body -> body.path("roots").size() > 0);
            JsonNode root = stream(graph.path("roots")).filter(r -> r.path("session").path("pid").asInt() == holderPid).findFirst().orElseThrow();
            assertThat(root.path("session").path("role").asText()).isEqualTo("alice");
            JsonNode waits = root.path("waiting").get(0).path("session");
            assertThat(waits.path("pid").asInt()).isEqualTo(waiterPid);
            assertThat(waits.path("waitingFor").asText()).isEqualTo("AccessShareLock on health_probe.locked");
            assertThat(waits.path("query").asText()).contains("health_probe.locked");
            assertThat(graph.path("edges").findValuesAsText("blocker")).contains(String.valueOf(holderPid));

            // only operators, only with a reason, only sessions that are there
            assertThat(api.post("victor", "/api/health/sessions/" + waiterPid + "/cancel", "{\"reason\":\"x\"}").status()).isEqualTo(403);
            Response noReason = api.post("bob", "/api/health/sessions/" + waiterPid + "/cancel", "{}");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
            assertThat(api.post("bob", "/api/health/sessions/1/cancel", "{\"reason\":\"no such\"}").status()).isEqualTo(404);

            Response cancelled = api.post("bob", "/api/health/sessions/" + waiterPid + "/cancel",
                    "{\"reason\":\"blocks the nightly invoice run\"}");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.body().path("delivered").asBoolean()).isTrue();
            assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class).hasMessageContaining("canceling statement");

            Response terminated = api.post("bob", "/api/health/sessions/" + holderPid + "/terminate",
                    "{\"reason\":\"idle in transaction holding ACCESS EXCLUSIVE\"}");
            assertThat(terminated.body().path("delivered").asBoolean()).isTrue();
            assertThat(holder.isValid(2)).isFalse();
        }

        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("victor", "/api/history?person=bob&event=session-cancelled").body(), body -> body.size() > 0);
        JsonNode entry = stream(history).filter(e -> e.path("summary").asText().contains("blocks the nightly invoice run")).findFirst().orElseThrow();
        assertThat(entry.path("actor").asText()).isEqualTo("bob");
        assertThat(entry.path("summary").asText()).contains("Cancelled the query of session", "(dave", "SELECT count(*) FROM health_probe.locked");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("victor", "/api/history?event=session-terminated").body(),
                body -> stream(body).anyMatch(e -> e.path("summary").asText().contains("idle in transaction holding ACCESS EXCLUSIVE")
                        && e.path("summary").asText().contains("LOCK TABLE health_probe.locked")));
    }

    @Test
    void connections_and_cache_read_for_any_right_and_not_without() throws Exception {
        try (Connection idle = STACK.targetAs("dave", "demo-dave")) {
            idle.setClientInfo("ApplicationName", "health-probe-app");
            Sessions.execute(idle, "SELECT 1");
            JsonNode connections = api.get("victor", "/api/health/connections").body();
            assertThat(connections.path("maxConnections").asInt()).isPositive();
            assertThat(connections.path("total").asInt()).isPositive();
            assertThat(connections.path("byState").path("idle").asInt()).isPositive();
            JsonNode group = stream(connections.path("byRoleAndApplication"))
                    .filter(g -> g.path("application").asText().equals("health-probe-app")).findFirst().orElseThrow();
            assertThat(group.path("role").asText()).isEqualTo("dave");
            assertThat(group.path("idle").asInt()).isEqualTo(1);
        }
        // the demo's tables have been read by now: a ratio, not the null of "nothing read yet"
        JsonNode cache = api.get("victor", "/api/health/cache").body();
        assertThat(cache.path("tablesPercent").isNumber()).as(cache.toString()).isTrue();
        assertThat(cache.path("tablesPercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(api.get("karen", "/api/health/tables").status()).isEqualTo(403);
    }

    private JsonNode tableHealth(String name) {
        return stream(api.get("victor", "/api/health/tables").body())
                .filter(t -> t.path("schema").asText().equals("app") && t.path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
