package dev.planetary.query.audit;

import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRejectedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.event.ChangeWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes every change's life into the audit server's append-only {@code audit.schema_change}:
 * who proposed what SQL, who approved or rejected it, what ran and how it ended. A tracking
 * processor of its own: while the audit server is unreachable the handler fails, the processor
 * retries, and nothing is skipped; (change, sequence) is unique, so a retry never writes twice
 * (ON CONFLICT without a target: naming one would need SELECT, which the writer must not have).
 */
@Component
@ProcessingGroup(SchemaChangeMirror.GROUP)
public class SchemaChangeMirror {

    public static final String GROUP = "audit-mirror";
    private static final String PLANETARY = "planetary";

    private final AuditServer server;

    public SchemaChangeMirror(AuditServer server) {
        this.server = server;
    }

    @EventHandler
    void on(ChangeProposedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "proposed", event.requester(), event.proposedAt(),
                event.title() + " (" + event.plan().risk() + " risk)", event.plan().script());
    }

    @EventHandler
    void on(ChangeRevisedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "revised", event.revisedBy(), event.revisedAt(),
                "revision " + event.revision() + ": " + event.title(), event.plan().script());
    }

    @EventHandler
    void on(ApprovalGivenEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "approval", event.reviewer(), event.approvedAt(),
                "revision " + event.revision() + (event.comment() == null ? "" : ": " + event.comment()), null);
    }

    @EventHandler
    void on(ChangeApprovedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "approved", PLANETARY, event.approvedAt(),
                "revision " + event.revision() + " approved for apply", event.plan().script());
    }

    @EventHandler
    void on(ChangeRejectedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "rejected", event.reviewer(), event.rejectedAt(), event.reason(), null);
    }

    @EventHandler
    void on(ChangeWithdrawnEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "withdrawn", event.withdrawnBy(), event.withdrawnAt(),
                event.reason() == null ? "withdrawn" : event.reason(), null);
    }

    @EventHandler
    void on(ChangeAppliedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "applied", PLANETARY, event.appliedAt(),
                "applied in " + event.durationMillis() + " ms", null);
    }

    @EventHandler
    void on(ChangeFailedEvent event, @SequenceNumber long sequence) throws SQLException {
        write(event.changeId().value(), sequence, "failed", PLANETARY, event.failedAt(),
                event.error().sqlState() + " " + event.error().message(), null);
    }

    private void write(String changeId, long sequence, String event, String actor, Instant at, String detail, String sql)
            throws SQLException {
        if (!server.enabled()) {
            return;
        }
        try (Connection connection = server.writer(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit.schema_change (change_id, sequence, event, actor, occurred_at, detail, sql)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, changeId);
            insert.setLong(2, sequence);
            insert.setString(3, event);
            insert.setString(4, actor);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setString(6, detail == null ? "" : detail);
            insert.setString(7, sql);
            insert.executeUpdate();
        }
    }
}
