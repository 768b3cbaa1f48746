package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bloat and the maintenance kinds on a real table: after a mass delete the estimate (from the planner's
 * statistics) flags the table and pgstattuple confirms it; a reviewed VACUUM FULL gives the space back and
 * the estimate says so; ANALYZE and VACUUM changes show on the table's statistics.
 */
class BloatAndMaintenanceIT extends PlanetaryIT {

    @Test
    void a_mass_delete_is_flagged_measured_and_reclaimed_by_a_reviewed_vacuum_full() {
        STACK.asOwner("CREATE SCHEMA bloat_probe",
                "CREATE TABLE bloat_probe.event (id int PRIMARY KEY, kind int NOT NULL, body text NOT NULL)"
                        + " WITH (autovacuum_enabled = off)",
                "INSERT INTO bloat_probe.event SELECT g, g % 7, repeat('x', 80) FROM generate_series(1, 40000) g",
                "DELETE FROM bloat_probe.event WHERE id % 10 <> 0",
                "ANALYZE bloat_probe.event");

        JsonNode table = estimate("event");
        assertThat(table.path("blindSpots").toString()).doesNotContain("no statistics");
        assertThat(table.path("bloatPercent").asDouble()).as(table.toString()).isGreaterThan(70);

        JsonNode measured = api.get("victor", "/api/health/bloat/bloat_probe/event").body();
        assertThat(measured.path("method").asText()).isEqualTo("pgstattuple_approx");
        assertThat(measured.path("deadPercent").asDouble() + measured.path("freePercent").asDouble()).as(measured.toString())
                .isGreaterThan(70);
        JsonNode index = api.get("victor", "/api/health/bloat/bloat_probe/event_pkey").body();
        assertThat(index.path("method").asText()).isEqualTo("pgstatindex");
        assertThat(index.path("leafDensity").asDouble()).isBetween(1.0, 100.0);
        assertThat(api.get("victor", "/api/health/bloat/bloat_probe/nothing").status()).isEqualTo(404);

        String id = api.propose("alice", """
                {"kind": "vacuum", "tables": [{"schema": "bloat_probe", "name": "event"}], "full": true, "analyze": true}""")
                .path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id); // FULL is high risk: two reviewers
        JsonNode change = api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");

        JsonNode after = estimate("event");
        assertThat(after.path("bytes").asLong()).isLessThan(table.path("bytes").asLong() / 3);
        assertThat(after.path("bloatPercent").asDouble()).as(after.toString()).isLessThan(30);
    }

    @Test
    void analyze_and_vacuum_changes_show_on_the_table_statistics() {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS maint_probe",
                "CREATE TABLE maint_probe.reading (id int PRIMARY KEY, v int) WITH (autovacuum_enabled = off)",
                "INSERT INTO maint_probe.reading SELECT g, g FROM generate_series(1, 1000) g");
        api.applied("alice", "bob", """
                {"kind": "analyze", "tables": [{"schema": "maint_probe", "name": "reading"}]}""");
        await().atMost(Duration.ofSeconds(20)).until(() -> health("reading"), t -> !t.path("lastAnalyze").isNull());

        api.applied("alice", "bob", """
                {"kind": "vacuum", "tables": [{"schema": "maint_probe", "name": "reading"}]}""");
        await().atMost(Duration.ofSeconds(20)).until(() -> health("reading"), t -> !t.path("lastVacuum").isNull());
    }

    @Test
    void storage_parameters_are_applied_and_the_inverse_would_put_back_the_old_ones() throws Exception {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS maint_probe",
                "CREATE TABLE maint_probe.tuned (id int PRIMARY KEY) WITH (fillfactor = 90)");
        JsonNode proposed = api.propose("alice", """
                {"kind": "table-storage", "table": {"schema": "maint_probe", "name": "tuned"},
                 "set": {"FILLFACTOR": "70", "AUTOVACUUM_VACUUM_SCALE_FACTOR": "0.02"}}""");
        assertThat(proposed.path("plan").path("inverse").findValuesAsText("sql")).containsExactly(
                "ALTER TABLE \"maint_probe\".\"tuned\" SET (fillfactor = 90)",
                "ALTER TABLE \"maint_probe\".\"tuned\" RESET (autovacuum_vacuum_scale_factor)");
        String id = proposed.path("id").asText();
        api.approve("bob", id);
        JsonNode change = api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT reloptions @> '{fillfactor=70,autovacuum_vacuum_scale_factor=0.02}'"
                + " FROM pg_class WHERE oid = 'maint_probe.tuned'::regclass")).isTrue();

        JsonNode refused = api.post("alice", "/api/changes", """
                {"spec": {"kind": "table-storage", "table": {"schema": "maint_probe", "name": "tuned"},
                 "set": {"FILLFACTOR": "70); DROP TABLE maint_probe.tuned; --"}}}""").body();
        assertThat(refused.path("field").asText()).as(refused.toString()).isEqualTo("spec.set");
    }

    private JsonNode estimate(String name) {
        JsonNode report = api.get("victor", "/api/health/bloat").body();
        assertThat(report.path("problem").isNull()).as(report.path("problem").asText()).isTrue();
        return StreamSupport.stream(report.path("estimates").spliterator(), false)
                .filter(e -> e.path("schema").asText().equals("bloat_probe") && e.path("name").asText().equals(name))
                .findFirst().orElseThrow();
    }

    private JsonNode health(String name) {
        return StreamSupport.stream(api.get("victor", "/api/health/tables").body().spliterator(), false)
                .filter(t -> t.path("schema").asText().equals("maint_probe") && t.path("name").asText().equals(name))
                .findFirst().orElseThrow();
    }
}
