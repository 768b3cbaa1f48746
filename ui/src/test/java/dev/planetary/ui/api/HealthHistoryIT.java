package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

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
}
