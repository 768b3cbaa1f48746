package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.query.health.HealthSampler;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health figures over time: Planetary samples the target on its own (every 3 s in tests, a minute by
 * default), the counters move with the work done, and an applied change is on the record beside them.
 */
class HealthHistoryIT extends PlanetaryIT {

    @Autowired
    private HealthSampler sampler;

    @Test
    void samples_accumulate_and_an_applied_change_is_marked_among_them() {
        JsonNode first = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/health/history?hours=1").body(),
                body -> body.path("samples").size() >= 1);
        JsonNode earliest = first.path("samples").get(0);
        assertThat(earliest.path("connectionsTotal").asInt()).isPositive();
        assertThat(earliest.path("databaseBytes").asLong()).isPositive();
        assertThat(earliest.path("statementCalls").asLong()).as("pg_stat_statements is loaded in tests").isPositive();

        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.history_probe (id int)");
        String id = api.applied("alice", "bob", """
                {"kind": "table-privilege", "action": "GRANT", "privileges": ["SELECT"],
                 "table": {"schema": "app", "name": "history_probe"}, "grantee": "karen"}""");
        Instant applied = Instant.parse(api.get("victor", "/api/changes/" + id).body().path("updatedAt").asText());

        JsonNode later = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/health/history?hours=1").body(),
                body -> StreamSupport.stream(body.path("samples").spliterator(), false)
                        .anyMatch(s -> Instant.parse(s.path("at").asText()).isAfter(applied)));
        JsonNode mark = StreamSupport.stream(later.path("applied").spliterator(), false)
                .filter(m -> m.path("changeId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(mark.path("title").asText()).isNotBlank();
        JsonNode last = later.path("samples").get(later.path("samples").size() - 1);
        assertThat(last.path("commits").asLong()).isGreaterThan(earliest.path("commits").asLong());
        assertThat(last.path("sampleMillis").asInt()).isLessThan(5_000);

        assertThat(api.get("victor", "/api/health/history?hours=0").body().path("field").asText()).isEqualTo("hours");
    }

    @Test
    void samples_past_the_retention_are_deleted_and_younger_ones_kept() throws Exception {
        try (Connection control = STACK.control(); Statement sql = control.createStatement()) {
            for (String age : new String[] {"15 days", "13 days"}) {
                sql.execute("""
                        INSERT INTO health_sample (target, bucket, sampled_at, sample_millis, connections_total, connections_active,
                            connections_idle, connections_idle_tx, connections_waiting, xact_commit, xact_rollback, blks_hit, blks_read,
                            tup_inserted, tup_updated, tup_deleted, deadlocks, database_bytes, dead_tuples)
                        VALUES ('retention-probe', now() - interval '%s', now() - interval '%s', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                        """.formatted(age, age));
            }
        }

        assertThat(sampler.pruneExpired()).isGreaterThanOrEqualTo(1);
        // count() closes the connection it is given
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM health_sample WHERE target = 'retention-probe'"
                + " AND sampled_at < now() - interval '14 days'")).isZero();
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM health_sample WHERE target = 'retention-probe'")).isEqualTo(1);
    }
}
