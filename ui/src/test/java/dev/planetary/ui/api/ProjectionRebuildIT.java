package dev.planetary.ui.api;

import dev.planetary.query.change.ChangeProjection;
import dev.planetary.query.history.HistoryProjection;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models are projections: emptied and replayed from the event store, they come back the same. */
class ProjectionRebuildIT extends PlanetaryIT {

    private static final String SUMMARY = "SELECT change_id, title, status, risk, revision, approvals::text, dry_run_status, "
            + "failure::text, rejection::text, objects::text, version FROM change_summary ORDER BY change_id";
    // Drift keeps arriving while other tests run DDL by hand, and the watchers' alerts (a job failing every minute,
    // a slot at risk) while the targets run, so the rebuilt entries of those are checked to include the earlier
    // ones (below) while everything else must come back exactly.
    private static final String ARRIVING = "('drift', 'job-failed', 'job-late', 'slot-at-risk')";
    private static final String HISTORY = "SELECT change_id, sequence, event, actor, occurred_at, summary, objects::text "
            + "FROM change_history WHERE event NOT IN " + ARRIVING + " ORDER BY change_id, sequence";
    private static final String ARRIVED = "SELECT change_id, sequence, event, actor, occurred_at, summary, objects::text "
            + "FROM change_history WHERE event IN " + ARRIVING + " ORDER BY change_id, sequence";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void replaying_the_event_store_rebuilds_the_review_queue_and_the_timeline() throws Exception {
        String applied = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["INSERT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_writer"}""").path("id").asText();
        api.approve("carol", applied);
        api.awaitStatus(applied, "APPLIED");
        String rejected = api.propose("alice", """
                {"kind":"drop-policy","table":{"schema":"app","name":"customer"},"name":"nothing"}""").path("id").asText();
        api.post("bob", "/api/changes/" + rejected + "/rejections", "{\"reason\":\"no such policy\"}");
        api.awaitStatus(rejected, "REJECTED");

        List<List<String>> summaryBefore = rows(SUMMARY);
        List<List<String>> historyBefore = rows(HISTORY);
        List<List<String>> arrivedBefore = rows(ARRIVED);
        assertThat(summaryBefore).isNotEmpty();

        replay(ChangeProjection.GROUP);
        replay(HistoryProjection.GROUP);

        awaitRows(SUMMARY, summaryBefore);
        awaitRows(HISTORY, historyBefore);
        assertThat(rows(SUMMARY)).isEqualTo(summaryBefore);
        assertThat(rows(HISTORY)).isEqualTo(historyBefore);
        assertThat(rows(ARRIVED)).containsAll(arrivedBefore);
    }

    @Test
    void an_operator_rebuilds_a_projection_through_the_api_and_only_projections_can_be() throws Exception {
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_writer"}""").path("id").asText();
        api.approve("carol", id);
        api.awaitStatus(id, "APPLIED");
        List<List<String>> summaryBefore = rows(SUMMARY);

        var listed = api.get("victor", "/api/operations/projections").body();
        assertThat(listed.path("events").asLong()).isPositive();
        assertThat(listed.path("projections").findValuesAsText("name")).contains(ChangeProjection.GROUP, "dry-runs");
        assertThat(api.post("alice", "/api/operations/projections/" + ChangeProjection.GROUP + "/rebuild", "{}").status()).isEqualTo(403);
        Api.Response refused = api.post("bob", "/api/operations/projections/dry-runs/rebuild", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("message").asText()).contains("never replayed");

        assertThat(api.post("bob", "/api/operations/projections/" + ChangeProjection.GROUP + "/rebuild", "{}").status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (var projection : api.get("bob", "/api/operations/projections").body().path("projections")) {
                if (projection.path("name").asText().equals(ChangeProjection.GROUP)) {
                    return projection.path("caughtUp").asBoolean();
                }
            }
            return false;
        });
        awaitRows(SUMMARY, summaryBefore);
        assertThat(rows(SUMMARY)).isEqualTo(summaryBefore);
    }

    private void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private void awaitRows(String sql, List<List<String>> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!rows(sql).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static List<List<String>> rows(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = STACK.control(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
