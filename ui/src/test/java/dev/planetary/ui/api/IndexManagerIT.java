package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The index manager on real indexes: a duplicate, an index covered by a longer one, an unused one and
 * an invalid one (left by a failed CREATE UNIQUE INDEX CONCURRENTLY) are each found with their fix, the
 * indexes behind constraints are never offered for dropping, and the proposed fixes apply.
 */
class IndexManagerIT extends PlanetaryIT {

    @BeforeAll
    static void indexes() throws Exception {
        STACK.asOwner("CREATE SCHEMA idx_probe",
                "CREATE TABLE idx_probe.reading (id int PRIMARY KEY, sensor int, taken date, note text)",
                "INSERT INTO idx_probe.reading SELECT g, g % 10, DATE '2026-01-01' + g % 300, 'n' || (g % 5) FROM generate_series(1, 2000) g",
                "CREATE INDEX reading_id_copy ON idx_probe.reading (id)",
                "CREATE INDEX reading_sensor ON idx_probe.reading (sensor)",
                "CREATE INDEX reading_sensor_taken ON idx_probe.reading (sensor, taken)",
                "CREATE INDEX reading_note ON idx_probe.reading (note)");
        // a scan of the wide index
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_bitmapscan = off");
            // both columns, from the index alone: the wide index answers it
            statement.execute("SELECT sensor, taken FROM idx_probe.reading WHERE sensor = 3 AND taken > DATE '2026-02-01'");
            // a unique index over duplicated values fails, and CONCURRENTLY leaves it INVALID
            assertThatThrownBy(() -> statement.execute("CREATE UNIQUE INDEX CONCURRENTLY reading_note_unique ON idx_probe.reading (note)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("could not create unique index");
        }
    }

    @Test
    void each_kind_of_finding_is_found_and_its_fix_applies() throws Exception {
        // the scan reaches the statistics when the session that made it ends, a moment later
        JsonNode report = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("victor", "/api/health/indexes").body(),
                body -> stream(body.path("indexes")).anyMatch(i -> i.path("name").asText().equals("reading_sensor_taken")
                        && i.path("scans").asLong() > 0));
        JsonNode probe = findings(report);
        assertThat(kindOf(probe, "reading_id_copy")).isEqualTo("DUPLICATE");
        assertThat(kindOf(probe, "reading_sensor")).isEqualTo("COVERED");
        assertThat(kindOf(probe, "reading_note")).isEqualTo("UNUSED");
        assertThat(kindOf(probe, "reading_note_unique")).isEqualTo("INVALID");
        assertThat(kindOf(probe, "reading_pkey")).as("backs the primary key").isNull();
        assertThat(kindOf(probe, "reading_sensor_taken")).as("scanned").isNull();

        JsonNode pkey = stream(report.path("indexes")).filter(i -> i.path("name").asText().equals("reading_pkey")).findFirst().orElseThrow();
        assertThat(pkey.path("constraint").asText()).isEqualTo("reading_pkey");
        assertThat(pkey.path("definition").asText()).isEqualTo("USING btree (id)");

        dropApplied("reading_id_copy");
        dropApplied("reading_note_unique");
        JsonNode after = findings(api.get("victor", "/api/health/indexes").body());
        assertThat(kindOf(after, "reading_id_copy")).isNull();
        assertThat(kindOf(after, "reading_note_unique")).isNull();
        assertThat(STACK.targetQuery("SELECT to_regclass('idx_probe.reading_note_unique') IS NULL")).isTrue();
    }

    private void dropApplied(String index) {
        String id = api.propose("alice", """
                {"kind": "drop-index", "index": {"schema": "idx_probe", "name": "%s"}}""".formatted(index)).path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        JsonNode change = api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");
    }

    private static JsonNode findings(JsonNode report) {
        return report.path("findings");
    }

    private static String kindOf(JsonNode findings, String index) {
        return stream(findings).filter(f -> f.path("index").path("schema").asText().equals("idx_probe")
                        && f.path("index").path("name").asText().equals(index))
                .map(f -> f.path("kind").asText()).findFirst().orElse(null);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
