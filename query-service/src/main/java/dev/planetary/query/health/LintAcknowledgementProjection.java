package dev.planetary.query.health;

import dev.planetary.kernel.health.FindingAcknowledgedEvent;
import dev.planetary.query.history.HistoryProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Keeps the acknowledged lint findings (the latest acknowledgement of a rule on an object counts), in the
 * history's processing group: the timeline shows the same events.
 */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class LintAcknowledgementProjection {

    private final JdbcClient jdbc;

    public LintAcknowledgementProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FindingAcknowledgedEvent event) {
        jdbc.sql("""
                        INSERT INTO lint_acknowledgement (target, rule, object, reason, acknowledged_by, acknowledged_at)
                        VALUES (:target, :rule, :object, :reason, :by, :at)
                        ON CONFLICT (target, rule, object) DO UPDATE
                        SET reason = excluded.reason, acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at""")
                .param("target", event.target().toString()).param("rule", event.rule().name()).param("object", event.object())
                .param("reason", event.reason()).param("by", event.actor()).param("at", Timestamp.from(event.at()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM lint_acknowledgement").update();
    }
}
