package dev.planetary.query.history;

import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApplyStartedEvent;
import dev.planetary.kernel.change.event.ChangeApplyWaitingEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeDriftedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRebasedEvent;
import dev.planetary.kernel.change.event.ChangeRejectedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.event.ChangeRolledOutEvent;
import dev.planetary.kernel.change.event.ChangeStepRecordedEvent;
import dev.planetary.kernel.change.event.ChangeWithdrawnEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import dev.planetary.kernel.drift.DriftDetectedEvent;
import dev.planetary.kernel.health.FindingAcknowledgedEvent;
import dev.planetary.kernel.health.SessionSignalledEvent;
import dev.planetary.kernel.jobs.JobFailedEvent;
import dev.planetary.kernel.jobs.JobLateEvent;
import dev.planetary.kernel.jobs.JobRunFinishedEvent;
import dev.planetary.kernel.jobs.JobRunStartedEvent;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.replication.ForeignServerTestedEvent;
import dev.planetary.kernel.replication.SlotAtRiskEvent;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.testrun.TestRunRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The change-history timeline: one row per event of every change, with who did it and which
 * objects the change touches (so "what happened to app.invoice" is one indexed lookup).
 */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection {

    public static final String GROUP = "history";
    /** The actor of what Planetary does by itself (dry-runs, applies). */
    public static final String PLANETARY = "planetary";

    private final JdbcClient jdbc;

    public HistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChangeProposedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), event.target(), sequence, "proposed", event.requester(), event.proposedAt(),
                "Proposed: " + event.title() + " (" + event.plan().risk().name().toLowerCase() + " risk, "
                        + event.requiredApprovals() + " approval(s) needed)"
                        + (event.promotedFrom() == null ? "" : "; promoted from change " + event.promotedFrom()),
                objects(event.plan()));
    }

    @EventHandler
    void on(ChangeRevisedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), event.target(), sequence, "revised", event.revisedBy(), event.revisedAt(),
                "Revised to revision " + event.revision() + ": " + event.title() + "; earlier approvals are void",
                objects(event.plan()));
    }

    @EventHandler
    void on(DryRunCompletedEvent event, @SequenceNumber long sequence) {
        String summary = event.outcome().passed()
                ? "Dry-run of revision " + event.revision() + " passed in " + event.outcome().durationMillis() + " ms"
                : "Dry-run of revision " + event.revision() + " failed: " + event.outcome().error().sqlState() + " "
                + event.outcome().error().message();
        if (event.requiredApprovals() != null) {
            summary += "; its locks keep writers off a large or busy table: high risk, " + event.requiredApprovals()
                    + " approvals needed";
        }
        record(event.changeId().value(), sequence, event.outcome().passed() ? "dry-run-passed" : "dry-run-failed",
                PLANETARY, event.completedAt(), summary, null);
    }

    @EventHandler
    void on(ApprovalGivenEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "approval", event.reviewer(), event.approvedAt(),
                "Approved by " + event.reviewer() + " (" + event.approvals() + " of " + event.requiredApprovals() + ")"
                        + (event.comment() == null || event.comment().isBlank() ? "" : ": " + event.comment()), null);
    }

    @EventHandler
    void on(ChangeApprovedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "approved", PLANETARY, event.approvedAt(),
                "Approval rule met: revision " + event.revision() + (event.awaitingRollout()
                        ? " waits for an operator to roll it out" : " will be applied"), null);
    }

    @EventHandler
    void on(ChangeRolledOutEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "rolled-out", event.operator(), event.at(),
                "Rolled out by " + event.operator() + ": it is applied now", null);
    }

    @EventHandler
    void on(ChangeRejectedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "rejected", event.reviewer(), event.rejectedAt(),
                "Rejected by " + event.reviewer() + ": " + event.reason(), null);
    }

    @EventHandler
    void on(ChangeWithdrawnEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "withdrawn", event.withdrawnBy(), event.withdrawnAt(),
                "Withdrawn by " + event.withdrawnBy() + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason()), null);
    }

    @EventHandler
    void on(ChangeApplyStartedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "applying", PLANETARY, event.startedAt(), "Applying", null);
    }

    @EventHandler
    void on(ChangeAppliedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "applied", PLANETARY, event.appliedAt(),
                "Applied in " + event.durationMillis() + " ms", null);
    }

    @EventHandler
    void on(ChangeFailedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "failed", PLANETARY, event.failedAt(),
                "Failed: " + event.error().sqlState() + " " + event.error().message()
                        + (event.note() == null ? "" : ". " + event.note()), null);
    }

    @EventHandler
    void on(ChangeApplyWaitingEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "waiting", PLANETARY, event.since(),
                "Waiting for the target, which cannot be reached (" + event.reason().message() + "): nothing is marked applied;"
                        + " Planetary keeps trying", null);
    }

    @EventHandler
    void on(ChangeDriftedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "drifted", PLANETARY, event.at(),
                "Stopped before anything ran: changed outside Planetary since the dry-run: " + String.join("; ", event.differences())
                        + ". Revise it for a new review", null);
    }

    @EventHandler
    void on(ChangeRebasedEvent event, @SequenceNumber long sequence) {
        record(event.changeId().value(), sequence, "rebased", PLANETARY, event.at(),
                "Changed since the dry-run by change " + String.join(", ", event.changedBy()) + " ("
                        + String.join("; ", event.differences()) + "): ran again under the catalog guard", null);
    }

    /** A step of a plan run step by step; progress readings stay in the change's own event list, not here. */
    @EventHandler
    void on(ChangeStepRecordedEvent event, @SequenceNumber long sequence) {
        String step = "Step " + event.step();
        String summary = switch (event.status()) {
            case STARTED -> step + " started: " + event.description();
            case PROGRESSED -> null;
            case FINISHED -> step + " finished in " + event.durationMillis() + " ms";
            case SKIPPED -> step + " skipped: " + event.note();
            case FAILED -> step + " failed: " + event.note();
            case CLEANED_UP -> step + " cleaned up: " + event.note();
        };
        if (summary != null) {
            record(event.changeId().value(), sequence, "step", PLANETARY, event.at(), summary, null);
        }
    }

    /** A test run is not a change: its run id stands in for the change, with one entry. */
    @EventHandler
    void on(TestRunRecordedEvent event) {
        record(event.runId(), event.target(), 0, "test-run", event.actor(), event.at(), event.summary(),
                event.objects().toArray(String[]::new));
    }

    /** DDL that ran outside Planetary: on the timeline as "drift", under its own id. */
    @EventHandler
    void on(DriftDetectedEvent event) {
        record(event.driftId(), event.target(), 0, "drift", event.sessionUser(), event.at(), "Drift: " + event.commandTag()
                        + (event.objectIdentity() == null ? "" : " " + event.objectIdentity()) + " ran outside Planetary"
                        + (event.statement() == null ? "" : ": " + event.statement().strip()),
                event.objectIdentity() == null ? new String[0] : new String[]{event.objectIdentity()});
    }

    /** An operator cancelled a query or ended a session: not a change, on the timeline under its own id. */
    @EventHandler
    void on(SessionSignalledEvent event) {
        record(event.signalId(), event.target(), 0, event.signal().historyEvent(), event.actor(), event.at(), event.summary(),
                new String[0]);
    }

    /** An operator ran a job now: not a change, on the timeline under the run's id and the job's name. */
    @EventHandler
    void on(JobRunStartedEvent event) {
        record(event.runId(), event.target(), 0, "job-run-started", event.actor(), event.at(), event.summary(),
                new String[]{event.job()});
    }

    @EventHandler
    void on(JobRunFinishedEvent event) {
        record(event.runId(), event.target(), 1, event.succeeded() ? "job-run-succeeded" : "job-run-failed", PLANETARY,
                event.end(), event.summary(), new String[]{event.job()});
    }

    /** A job's run failed, or a job did not run when due: not a change, on the timeline under the job's name. */
    @EventHandler
    void on(JobFailedEvent event) {
        record(event.alertId(), event.target(), 0, "job-failed", PLANETARY, event.end() == null ? event.start() : event.end(),
                event.summary(), new String[]{event.job()});
    }

    @EventHandler
    void on(JobLateEvent event) {
        record(event.alertId(), event.target(), 0, "job-late", PLANETARY, event.dueAt(), event.summary(), new String[]{event.job()});
    }

    @EventHandler
    void on(ForeignServerTestedEvent event) {
        record(event.testId(), event.target(), 0, event.reached() ? "fdw-reached" : "fdw-unreachable", event.actor(), event.at(),
                event.summary(), new String[]{event.server()});
    }

    @EventHandler
    void on(SlotAtRiskEvent event) {
        record(event.alertId(), event.target(), 0, "slot-at-risk", PLANETARY, event.at(), event.summary(), new String[]{event.slot()});
    }

    /** A lint finding acknowledged: not a change, on the timeline under its own id. */
    @EventHandler
    void on(FindingAcknowledgedEvent event) {
        record(event.acknowledgementId(), event.target(), 0, "finding-acknowledged", event.actor(), event.at(), event.summary(),
                new String[]{event.object()});
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM change_history").update();
    }

    private void record(String changeId, long sequence, String event, String actor, Instant at, String summary, String[] objects) {
        record(changeId, null, sequence, event, actor, at, summary, objects);
    }

    /**
     * With {@code objects} null, the change's objects are those of its latest proposal or revision;
     * with {@code target} null, its target is theirs (only proposals, revisions and drift name one).
     */
    private void record(String changeId, TargetId target, long sequence, String event, String actor, Instant at,
                        String summary, String[] objects) {
        jdbc.sql("""
                        INSERT INTO change_history (change_id, target, sequence, event, actor, occurred_at, summary, objects)
                        VALUES (:id, COALESCE(:target,
                            (SELECT h.target FROM change_history h WHERE h.change_id = :id ORDER BY h.sequence DESC LIMIT 1),
                            'default'),
                            :sequence, :event, :actor, :at, :summary, COALESCE(:objects,
                            (SELECT h.objects FROM change_history h WHERE h.change_id = :id ORDER BY h.sequence DESC LIMIT 1),
                            '{}'))
                        ON CONFLICT (change_id, sequence) DO NOTHING""")
                .param("id", changeId)
                .param("target", target == null ? null : target.value(), java.sql.Types.VARCHAR)
                .param("sequence", sequence)
                .param("event", event)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("summary", summary)
                .param("objects", objects, java.sql.Types.ARRAY)
                .update();
    }

    private static String[] objects(Plan plan) {
        return plan.touches().stream().map(ObjectRef::name).distinct().toArray(String[]::new);
    }
}
