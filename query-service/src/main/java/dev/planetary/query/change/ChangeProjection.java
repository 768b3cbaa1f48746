package dev.planetary.query.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApplyStartedEvent;
import dev.planetary.kernel.change.event.ChangeApplyWaitingEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeDriftedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRejectedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.event.ChangeRolledOutEvent;
import dev.planetary.kernel.change.event.ChangeStepRecordedEvent;
import dev.planetary.kernel.change.event.ChangeWithdrawnEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps {@code change_summary}: one row per change, the review queue and the change detail.
 * Every update is guarded by the event's sequence number, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ChangeProjection.GROUP)
public class ChangeProjection {

    public static final String GROUP = "changes";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ChangeReadModel readModel;
    private final QueryUpdateEmitter updates;
    private ChangeRelay relay;

    /** Outside the application (replays, tests): no unit of work, so no one to tell. */
    public ChangeProjection(JdbcClient jdbc, ObjectMapper json) {
        this(jdbc, json, new ChangeReadModel(jdbc, json), org.axonframework.queryhandling.SimpleQueryUpdateEmitter.builder().build());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ChangeProjection(JdbcClient jdbc, ObjectMapper json, ChangeReadModel readModel, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.json = json;
        this.readModel = readModel;
        this.updates = updates;
    }

    /** In the application: the other instances are told of each change this one projects. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void relayTo(ChangeRelay relay) {
        this.relay = relay;
    }

    /**
     * Once the batch that changed the row has committed, tells subscribers of the change (those
     * waiting to read their write, a change's open page) its new state, and open screens watching
     * every change ({@link WatchChangesQuery}) its id, here and on the other instances
     * ({@link ChangeRelay}); once per change per batch.
     */
    private void announce(String changeId) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().getOrComputeResource("announce:" + changeId, key -> {
            // After commit: a subscriber that registers later reads the committed row in its initial result.
            unitOfWork.root().afterCommit(committed -> {
                ChangeRelay.emitHere(updates, readModel, changeId);
                if (relay != null) {
                    relay.tellOthers(changeId);
                }
            });
            return Boolean.TRUE;
        }));
    }

    @EventHandler
    void on(ChangeProposedEvent event, @SequenceNumber long sequence) {
        Plan plan = event.plan();
        jdbc.sql("""
                        INSERT INTO change_summary (change_id, target, environment, promoted_from, applies_after, title, kind, summary, requester, status, risk, revision,
                            required_approvals, dry_run_status, spec, plan, objects, proposed_at, updated_at, version)
                        VALUES (:id, :target, :environment, :promotedFrom, :appliesAfter, :title, :kind, :summary, :requester, :status, :risk, 1, :required, :dryRun,
                            :spec::jsonb, :plan::jsonb, :objects, :at, :at, :version)
                        ON CONFLICT (change_id) DO NOTHING""")
                .param("id", event.changeId().value())
                .param("target", event.target().value())
                .param("environment", event.environment(), java.sql.Types.VARCHAR)
                .param("promotedFrom", event.promotedFrom() == null ? null : event.promotedFrom().value(), java.sql.Types.VARCHAR)
                .param("appliesAfter", event.appliesAfter() == null ? null : event.appliesAfter().value(), java.sql.Types.VARCHAR)
                .param("title", event.title())
                .param("kind", event.spec().kind())
                .param("summary", plan.summary())
                .param("requester", event.requester())
                .param("status", ChangeStatus.PROPOSED.name())
                .param("risk", plan.risk().name())
                .param("required", event.requiredApprovals())
                .param("dryRun", DryRunStatus.PENDING.name())
                .param("spec", write(event.spec()))
                .param("plan", write(plan))
                .param("objects", objects(plan))
                .param("at", Timestamp.from(event.proposedAt()))
                .param("version", sequence)
                .update();
        announce(event.changeId().value());
    }

    @EventHandler
    void on(ChangeRevisedEvent event, @SequenceNumber long sequence) {
        Plan plan = event.plan();
        jdbc.sql("""
                        UPDATE change_summary SET status = 'PROPOSED', failure = NULL, failure_note = NULL, steps = '{}',
                            title = :title, kind = :kind, summary = :summary, risk = :risk,
                            revision = :revision, required_approvals = :required, approvals = '[]',
                            dry_run_status = :dryRun, dry_run = NULL, spec = :spec::jsonb, plan = :plan::jsonb,
                            objects = :objects, updated_at = :at, version = :version
                        WHERE change_id = :id AND version < :version""")
                .param("id", event.changeId().value())
                .param("title", event.title())
                .param("kind", event.spec().kind())
                .param("summary", plan.summary())
                .param("risk", plan.risk().name())
                .param("revision", event.revision())
                .param("required", event.requiredApprovals())
                .param("dryRun", DryRunStatus.PENDING.name())
                .param("spec", write(event.spec()))
                .param("plan", write(plan))
                .param("objects", objects(plan))
                .param("at", Timestamp.from(event.revisedAt()))
                .param("version", sequence)
                .update();
        announce(event.changeId().value());
    }

    @EventHandler
    void on(DryRunCompletedEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.completedAt(),
                "dry_run_status = :value, dry_run = :detail::jsonb",
                (event.outcome().passed() ? DryRunStatus.PASSED : DryRunStatus.FAILED).name(), write(event.outcome()));
        if (event.requiredApprovals() != null) {
            jdbc.sql("UPDATE change_summary SET risk = 'HIGH', required_approvals = :required WHERE change_id = :id")
                    .param("required", event.requiredApprovals()).param("id", event.changeId().value()).update();
        }
    }

    @EventHandler
    void on(ApprovalGivenEvent event, @SequenceNumber long sequence) {
        ChangeView.Approval approval = new ChangeView.Approval(event.reviewer(), event.comment(), event.approvedAt());
        update(event.changeId().value(), sequence, event.approvedAt(),
                "approvals = approvals || jsonb_build_array(:detail::jsonb)", null, write(approval));
    }

    @EventHandler
    void on(ChangeApprovedEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.approvedAt(), "status = :value, awaiting_rollout = "
                + (event.awaitingRollout() ? "true" : "false"), ChangeStatus.APPROVED.name(), null);
    }

    @EventHandler
    void on(ChangeRolledOutEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.at(), "awaiting_rollout = false", null, null);
    }

    @EventHandler
    void on(ChangeRejectedEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.rejectedAt(), "status = :value, rejection = :detail::jsonb",
                ChangeStatus.REJECTED.name(), write(new ChangeView.Decision(event.reviewer(), event.reason(), event.rejectedAt())));
    }

    @EventHandler
    void on(ChangeWithdrawnEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.withdrawnAt(), "status = :value, withdrawal = :detail::jsonb",
                ChangeStatus.WITHDRAWN.name(), write(new ChangeView.Decision(event.withdrawnBy(), event.reason(), event.withdrawnAt())));
    }

    @EventHandler
    void on(ChangeApplyStartedEvent event, @SequenceNumber long sequence) {
        status(event.changeId().value(), sequence, event.startedAt(), ChangeStatus.APPLYING);
    }

    /** Shown on the change until the apply moves on (a step, an outcome): see {@link #status}. */
    @EventHandler
    void on(ChangeApplyWaitingEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.since(), "waiting = :detail::jsonb", null,
                write(new ChangeView.Waiting(event.reason(), event.since())));
    }

    @EventHandler
    void on(ChangeAppliedEvent event, @SequenceNumber long sequence) {
        status(event.changeId().value(), sequence, event.appliedAt(), ChangeStatus.APPLIED);
    }

    @EventHandler
    void on(ChangeFailedEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.failedAt(), "status = :value, waiting = NULL, failure = :detail::jsonb",
                ChangeStatus.FAILED.name(), write(event.error()));
        if (event.note() != null) {
            jdbc.sql("UPDATE change_summary SET failure_note = :note WHERE change_id = :id")
                    .param("note", event.note()).param("id", event.changeId().value()).update();
        }
    }

    @EventHandler
    void on(ChangeDriftedEvent event, @SequenceNumber long sequence) {
        update(event.changeId().value(), sequence, event.at(), "status = :value, waiting = NULL, failure_note = :detail",
                ChangeStatus.DRIFTED.name(), "Nothing ran: since the dry-run, its objects were changed outside Planetary ("
                        + String.join("; ", event.differences()) + "). Revise the change for a new dry-run and review.");
    }

    /**
     * A step's row keeps its latest status and progress; a clean-up is kept beside it rather than
     * replacing the status, so the page says both "failed" and what was dropped.
     */
    @EventHandler
    void on(ChangeStepRecordedEvent event, @SequenceNumber long sequence) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("number", event.step());
        fields.put("at", event.at());
        if (event.status() == StepStatus.CLEANED_UP) {
            fields.put("cleanup", event.note());
        } else {
            fields.put("status", event.status());
            if (event.status() == StepStatus.STARTED) {
                fields.put("description", event.description());
            } else if (event.note() != null) {
                fields.put("note", event.note());
            }
        }
        if (event.progress() != null) {
            fields.put("progress", event.progress());
        }
        if (event.status() == StepStatus.FINISHED) {
            fields.put("durationMillis", event.durationMillis());
        }
        if (event.description() != null && event.status() != StepStatus.STARTED) {
            fields.put("description", event.description());
        }
        update(event.changeId().value(), sequence, event.at(),
                "waiting = NULL, steps = steps || jsonb_build_object(:value, coalesce(steps -> :value, '{}'::jsonb) || :detail::jsonb)",
                String.valueOf(event.step()), write(fields));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM change_summary").update();
    }

    private void status(String changeId, long sequence, Instant at, ChangeStatus status) {
        update(changeId, sequence, at, "status = :value, waiting = NULL", status.name(), null);
    }

    /** {@code assignments} is a constant of this class, never input: values are bound as parameters. */
    private void update(String changeId, long sequence, Instant at, String assignments, String value, String detail) {
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE change_summary SET " + assignments
                        + ", updated_at = :at, version = :version WHERE change_id = :id AND version < :version")
                .param("id", changeId)
                .param("at", Timestamp.from(at))
                .param("version", sequence);
        if (assignments.contains(":value")) {
            statement = statement.param("value", value);
        }
        if (assignments.contains(":detail")) {
            statement = statement.param("detail", detail);
        }
        statement.update();
        announce(changeId);
    }

    static String[] objects(Plan plan) {
        return plan.touches().stream().map(ObjectRef::name).distinct().toArray(String[]::new);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
