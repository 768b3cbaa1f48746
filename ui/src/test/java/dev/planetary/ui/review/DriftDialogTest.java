package dev.planetary.ui.review;

import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.plan.Statement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DriftDialogTest {

    private static HistoryEntry drift(String summary) {
        return new HistoryEntry("drift-9", 0, "drift", "postgres", Instant.EPOCH, summary, List.of());
    }

    @Test
    void createdObjectsCanBeRevertedAndOtherDriftCannot() {
        assertThat(DriftDialog.revertible(drift("Drift: CREATE TABLE app.by_hand ran outside Planetary: create table app.by_hand (id int)"))
                .map(spec -> spec.plan().statements().stream().map(Statement::sql).toList()))
                .contains(List.of("DROP TABLE \"app\".\"by_hand\""));
        assertThat(DriftDialog.revertible(drift("Drift: CREATE MATERIALIZED VIEW app.\"Odd\" ran outside Planetary")))
                .map(spec -> spec.plan().statements().get(0).sql()).contains("DROP MATERIALIZED VIEW \"app\".\"Odd\"");
        assertThat(DriftDialog.revertible(drift("Drift: ALTER TABLE app.invoice ran outside Planetary"))).isEmpty();
        assertThat(DriftDialog.revertible(drift("Drift: CREATE TABLE app.x;drop ran outside Planetary"))).isEmpty();
    }
}
