package dev.planetary.ui.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.planetary.kernel.health.StatementDelta;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change's statements before and after its apply, from a real workload: karen counts tickets of a
 * queue by sequential scan, an index on the queue is applied, she counts again; the change's page and
 * its API show the statement with its calls before and after, and a call now faster.
 */
class ChangeStatementsIT extends KaribuIT {

    private static final String COUNT = "SELECT count(*) FROM imp_probe.ticket WHERE queue = ?";

    @BeforeAll
    static void tickets() {
        STACK.asOwner("CREATE SCHEMA imp_probe",
                "CREATE TABLE imp_probe.ticket (id int PRIMARY KEY, queue int NOT NULL, opened date)",
                "INSERT INTO imp_probe.ticket SELECT g, g % 5000, DATE '2026-01-01' + g % 300 FROM generate_series(1, 200000) g",
                "GRANT USAGE ON SCHEMA imp_probe TO karen", "GRANT SELECT ON imp_probe.ticket TO karen", "ANALYZE imp_probe.ticket");
    }

    @Test
    void the_statements_on_the_table_are_shown_before_and_after_the_index_was_applied() throws Exception {
        countTickets(5);
        String id = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "imp_probe", "name": "ticket"}, "name": "ticket_queue_idx",
                 "keys": [{"column": "queue"}]}""").path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        JsonNode change = api.await(id, c -> c.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");
        JsonNode baseline = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/changes/" + id + "/statements").body(),
                body -> !body.path("baselineAt").isNull() && !body.path("baselineAt").isMissingNode());
        JsonNode before = counting(baseline);
        assertThat(before).as(baseline.toString()).isNotNull();
        assertThat(before.path("role").asText()).isEqualTo("karen");
        assertThat(before.path("callsBefore").asLong()).isEqualTo(5);

        countTickets(4);
        JsonNode after = counting(api.get("victor", "/api/changes/" + id + "/statements").body());
        assertThat(after.path("callsAfter").asLong()).isEqualTo(4);
        assertThat(after.path("meanMillisAfter").asDouble()).as("an index lookup instead of a scan of 200,000 rows")
                .isLessThan(after.path("meanMillisBefore").asDouble());

        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(ChangeDetailView.class, ChangeDetailView.parameters(id));
        @SuppressWarnings("unchecked")
        Grid<StatementDelta> grid = _get(Grid.class, g -> g.withId("statement-impact-grid"));
        assertThat(_size(grid)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_change_not_yet_applied_has_no_figures_and_an_unknown_one_is_not_found() {
        String id = api.propose("alice", """
                {"kind": "analyze", "tables": [{"schema": "imp_probe", "name": "ticket"}]}""").path("id").asText();
        JsonNode body = api.get("victor", "/api/changes/" + id + "/statements").body();
        assertThat(body.path("problem").asText()).isEqualTo("figures come once the change is applied");
        assertThat(api.get("victor", "/api/changes/no-such-change/statements").status()).isEqualTo(404);
    }

    private static void countTickets(int times) throws Exception {
        try (Connection karen = STACK.targetAs("karen", "demo-karen"); PreparedStatement count = karen.prepareStatement(COUNT)) {
            for (int queue = 1; queue <= times; queue++) {
                count.setInt(1, queue);
                count.executeQuery().close();
            }
        }
    }

    private static JsonNode counting(JsonNode impact) {
        return StreamSupport.stream(impact.path("statements").spliterator(), false)
                .filter(s -> s.path("query").asText().contains("imp_probe.ticket WHERE queue = $1")).findFirst().orElse(null);
    }
}
