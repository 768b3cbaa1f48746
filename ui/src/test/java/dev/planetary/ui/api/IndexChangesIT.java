package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index changes through the API on a 2-million-row table: a concurrent build is dry-run by its
 * transactional equivalent, applied as a step of its own with progress from PostgreSQL, recorded
 * step by step on the change's page and timeline; a unique index that meets duplicates fails
 * cleanly, leaving no INVALID index.
 */
class IndexChangesIT extends PlanetaryIT {

    @BeforeAll
    static void bulkTable() {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS bulk",
                // no autovacuum on the fresh table: it yields to a dry-run's lock only after deadlock_timeout (1 s), past 700 ms
                "CREATE TABLE IF NOT EXISTS bulk.reading WITH (autovacuum_enabled = false) AS"
                        + " SELECT g AS id, (g % 5000)::int AS sensor, now() - g * interval '1 second' AS taken_at"
                        + " FROM generate_series(1, 2000000) g");
    }

    @Test
    void a_concurrent_index_on_two_million_rows_applies_step_by_step_with_progress() throws Exception {
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "bulk", "name": "reading"}, "name": "reading_sensor_idx",
                 "keys": [{"column": "sensor"}, {"column": "taken_at", "descending": true}]}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(proposed.path("dryRun").path("notes").get(0).asText()).contains("transactional equivalent");
        assertThat(proposed.path("plan").path("statements").get(0).path("transactional").asBoolean()).isFalse();

        api.approve("bob", id);
        JsonNode applied = api.await(id, change -> change.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        JsonNode step = applied.path("steps").get(0);
        assertThat(step.path("status").asText()).isEqualTo("FINISHED");
        // the last reading kept: its phase, and counts where the phase has them (some report no totals)
        assertThat(step.path("progress").path("phase").asText()).as("PostgreSQL reported progress").isNotBlank();
        assertThat(STACK.targetQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = 'bulk.reading_sensor_idx'::regclass"))
                .isTrue();
        assertThat(api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("summary"))
                .anyMatch(s -> s.startsWith("Step 1 started: CREATE INDEX CONCURRENTLY"))
                .anyMatch(s -> s.startsWith("Step 1 finished in"));
    }

    @Test
    void a_unique_index_over_duplicates_fails_and_leaves_no_invalid_index() throws Exception {
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "bulk", "name": "reading"}, "name": "reading_sensor_key",
                 "keys": [{"column": "sensor"}], "unique": true}""");
        String id = proposed.path("id").asText();
        // The dry-run builds the index in its transaction and meets the duplicates already.
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("FAILED");
        assertThat(proposed.path("dryRun").path("error").path("sqlState").asText()).isEqualTo("23505");
        assertThat(STACK.targetQuery("SELECT to_regclass('bulk.reading_sensor_key') IS NULL")).isTrue();
    }

}
