package dev.planetary.command.change;

import dev.planetary.kernel.change.ApplyStart;
import dev.planetary.kernel.change.ApplyTicket;
import dev.planetary.kernel.change.Baseline;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeRuleViolation.Code;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.BeginApplyCommand;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RecordApplyOutcomeCommand;
import dev.planetary.kernel.change.command.RecordApplyWaitingCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.command.RecordStepCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.change.command.RollOutChangeCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
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
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A proposed change to the database layer, from proposal to outcome:
 * PROPOSED → (approvals) → APPROVED → APPLYING → APPLIED | FAILED, or REJECTED / WITHDRAWN; in an
 * environment that leaves the apply to an operator, an APPROVED change waits for its rollout; a change
 * whose objects were changed outside Planetary after its dry-run stops DRIFTED, to be revised
 * (back to PROPOSED, a new dry-run and new reviews) or withdrawn.
 * Command handlers decide; event-sourcing handlers only assign.
 */
@Aggregate
public class ChangeRequest {

    @AggregateIdentifier
    private ChangeId changeId;
    private TargetId target;
    private String requester;
    private ChangeStatus status;
    private int revision;
    private Plan plan;
    private DryRunStatus dryRun;
    /** What the plan's objects looked like at the last passed dry-run: the apply's drift guard compares. */
    private Baseline baseline;
    private int requiredApprovals;
    private final Set<String> approvers = new HashSet<>();
    /** Approved, and waiting for an operator to roll it out. */
    private boolean awaitingRollout;
    /** This apply is waiting for an unreachable target (recorded once, until a step or the next apply). */
    private boolean waitingForTarget;
    /** The requests of people that took effect here ({@link RequestKey}): sent again, they change nothing. */
    private final Set<String> handledRequests = new HashSet<>();

    protected ChangeRequest() {
        // for Axon
    }

    @CommandHandler
    public ChangeRequest(ProposeChangeCommand command, ApprovalRules approvalRules, Clock clock) {
        requireText(command.requester(), "requester");
        if (command.spec() == null) {
            throw new ChangeRuleViolation(Code.INVALID, "spec is required", "spec");
        }
        Plan plan = command.spec().plan();
        apply(new ChangeProposedEvent(command.changeId(), command.target(), approvalRules.environmentOf(command.target()),
                titleOrSummary(command.title(), plan), command.spec(), plan,
                approvalRules.forTarget(command.target()).requiredApprovals(plan.risk()), command.requester(), clock.instant(),
                command.promotedFrom(), command.appliesAfter()));
    }

    /** Returns the new revision number, so the caller can dry-run it. */
    @CommandHandler
    public int handle(ReviseChangeCommand command, MetaData metaData, ApprovalRules approvalRules, Clock clock) {
        if (status != ChangeStatus.DRIFTED) {
            requireStatus(ChangeStatus.PROPOSED, "revised");
        }
        requireRequester(command.revisedBy(), "revise");
        if (command.spec() == null) {
            throw new ChangeRuleViolation(Code.INVALID, "spec is required", "spec");
        }
        Plan newPlan = command.spec().plan();
        apply(new ChangeRevisedEvent(changeId, target, revision + 1, titleOrSummary(command.title(), newPlan), command.spec(),
                newPlan, approvalRules.forTarget(target).requiredApprovals(newPlan.risk()), command.revisedBy(), clock.instant()),
                requestKeyOf(metaData));
        return revision;
    }

    @CommandHandler
    public void handle(RecordDryRunCommand command, ApprovalRules approvalRules, Clock clock) {
        if (command.revision() != revision || status != ChangeStatus.PROPOSED || dryRun != DryRunStatus.PENDING) {
            return; // the result of an older revision, or a repeat: the current revision has its own
        }
        Integer raised = null;
        int highRisk = approvalRules.forTarget(target).requiredApprovals(RiskLevel.HIGH);
        if (command.outcome().heavyLocks() && requiredApprovals < highRisk) {
            raised = highRisk; // the locks it takes make it high risk, whatever its kind says
        }
        apply(new DryRunCompletedEvent(changeId, revision, command.outcome(), clock.instant(), raised));
    }

    @CommandHandler
    public void handle(ApproveChangeCommand command, MetaData metaData, ApprovalRules approvalRules, Clock clock) {
        requireText(command.reviewer(), "reviewer");
        requireStatus(ChangeStatus.PROPOSED, "approved");
        if (command.reviewer().equals(requester)) {
            throw new ChangeRuleViolation(Code.SELF_REVIEW, "you cannot approve your own change");
        }
        if (command.revision() != null && command.revision() != revision) {
            throw new ChangeRuleViolation(Code.WRONG_STATE, "the change was revised since you read it (revision "
                    + command.revision() + ", now " + revision + "): read the new revision before you approve it");
        }
        if (dryRun != DryRunStatus.PASSED) {
            throw new ChangeRuleViolation(Code.DRY_RUN_NOT_PASSED, dryRun == DryRunStatus.FAILED
                    ? "the dry-run of this change failed: it must be revised before it can be approved"
                    : "the dry-run of this change has not finished yet");
        }
        if (approvers.contains(command.reviewer())) {
            throw new ChangeRuleViolation(Code.ALREADY_APPROVED, "you already approved this revision");
        }
        int given = approvers.size() + 1;
        apply(new ApprovalGivenEvent(changeId, revision, command.reviewer(), command.comment(), given,
                requiredApprovals, clock.instant()), requestKeyOf(metaData));
        if (given >= requiredApprovals) {
            apply(new ChangeApprovedEvent(changeId, revision, plan, clock.instant(),
                    approvalRules.forTarget(target).rolledOutByOperator()));
        }
    }

    /** An operator releases an approved change that waits for its rollout; the apply starts. */
    @CommandHandler
    public void handle(RollOutChangeCommand command, MetaData metaData, Clock clock) {
        requireText(command.operator(), "operator");
        requireStatus(ChangeStatus.APPROVED, "rolled out");
        if (!awaitingRollout) {
            throw new ChangeRuleViolation(Code.WRONG_STATE, "this change does not wait for a rollout: it is applied as soon as it is approved");
        }
        apply(new ChangeRolledOutEvent(changeId, command.operator(), clock.instant()), requestKeyOf(metaData));
    }

    @CommandHandler
    public void handle(RejectChangeCommand command, MetaData metaData, Clock clock) {
        requireText(command.reviewer(), "reviewer");
        requireStatus(ChangeStatus.PROPOSED, "rejected");
        if (command.reviewer().equals(requester)) {
            throw new ChangeRuleViolation(Code.SELF_REVIEW, "you cannot reject your own change: withdraw it instead");
        }
        requireText(command.reason(), "reason");
        apply(new ChangeRejectedEvent(changeId, command.reviewer(), command.reason().strip(), clock.instant()),
                requestKeyOf(metaData));
    }

    @CommandHandler
    public void handle(WithdrawChangeCommand command, MetaData metaData, Clock clock) {
        if (status != ChangeStatus.DRIFTED) {
            requireStatus(ChangeStatus.PROPOSED, "withdrawn");
        }
        requireRequester(command.withdrawnBy(), "withdraw");
        apply(new ChangeWithdrawnEvent(changeId, command.withdrawnBy(), command.reason(), clock.instant()),
                requestKeyOf(metaData));
    }

    /**
     * The executor asks before it runs anything. A second ask (a redelivered command, a restart)
     * gets RESUME while applying, and DONE once there is an outcome; the executor's ledger on the
     * target makes sure a resumed change is never run twice.
     */
    @CommandHandler
    public ApplyTicket handle(BeginApplyCommand command, Clock clock) {
        switch (status) {
            case APPROVED -> {
                if (awaitingRollout) {
                    return new ApplyTicket(ApplyStart.WAIT, target, revision, plan);
                }
                apply(new ChangeApplyStartedEvent(changeId, clock.instant()));
                return new ApplyTicket(ApplyStart.START, target, revision, plan, baseline);
            }
            case APPLYING -> {
                return new ApplyTicket(ApplyStart.RESUME, target, revision, plan, baseline);
            }
            case APPLIED, FAILED, DRIFTED -> {
                return new ApplyTicket(ApplyStart.DONE, target, revision, plan);
            }
            default -> throw new ChangeRuleViolation(Code.WRONG_STATE,
                    "the change is " + status + ", not approved: it cannot be applied");
        }
    }

    @CommandHandler
    public void handle(RecordApplyOutcomeCommand command, Clock clock) {
        if (status != ChangeStatus.APPLYING) {
            return; // an outcome is recorded once; a repeat after a restart changes nothing
        }
        DriftVerdict drift = command.drift() == null ? DriftVerdict.NONE : command.drift();
        if (drift.kind() == DriftVerdict.Kind.DRIFTED) {
            apply(new ChangeDriftedEvent(changeId, drift.differences(), clock.instant()));
            return;
        }
        if (drift.kind() == DriftVerdict.Kind.REBASED) {
            apply(new ChangeRebasedEvent(changeId, drift.differences(), drift.changedBy(), clock.instant()));
        }
        if (command.error() == null) {
            apply(new ChangeAppliedEvent(changeId, command.durationMillis(), clock.instant()));
        } else {
            apply(new ChangeFailedEvent(changeId, command.error(), clock.instant(), command.note()));
        }
    }

    /** The executor cannot reach the target: recorded once while it waits (a step or an outcome ends the wait). */
    @CommandHandler
    public void handle(RecordApplyWaitingCommand command, Clock clock) {
        if (status == ChangeStatus.APPLYING && !waitingForTarget) {
            apply(new ChangeApplyWaitingEvent(changeId, command.reason(), clock.instant()));
        }
    }

    /** A step of a plan run step by step: recorded while the change applies, ignored after its outcome. */
    @CommandHandler
    public void handle(RecordStepCommand command, Clock clock) {
        if (status != ChangeStatus.APPLYING) {
            return;
        }
        apply(new ChangeStepRecordedEvent(changeId, command.step(), command.status(), command.description(),
                command.progress(), command.durationMillis(), command.note(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ChangeProposedEvent event) {
        changeId = event.changeId();
        target = event.target();
        requester = event.requester();
        status = ChangeStatus.PROPOSED;
        revision = 1;
        plan = event.plan();
        dryRun = DryRunStatus.PENDING;
        requiredApprovals = event.requiredApprovals();
    }

    @EventSourcingHandler
    void on(ChangeRevisedEvent event, MetaData metaData) {
        remember(metaData);
        status = ChangeStatus.PROPOSED;
        revision = event.revision();
        plan = event.plan();
        dryRun = DryRunStatus.PENDING;
        requiredApprovals = event.requiredApprovals();
        approvers.clear();
    }

    @EventSourcingHandler
    void on(DryRunCompletedEvent event) {
        dryRun = event.outcome().passed() ? DryRunStatus.PASSED : DryRunStatus.FAILED;
        baseline = event.outcome().baseline();
        if (event.requiredApprovals() != null) {
            requiredApprovals = event.requiredApprovals();
        }
    }

    @EventSourcingHandler
    void on(ChangeDriftedEvent event) {
        status = ChangeStatus.DRIFTED;
    }

    @EventSourcingHandler
    void on(ApprovalGivenEvent event, MetaData metaData) {
        remember(metaData);
        approvers.add(event.reviewer());
    }

    @EventSourcingHandler
    void on(ChangeApprovedEvent event) {
        status = ChangeStatus.APPROVED;
        awaitingRollout = event.awaitingRollout();
    }

    @EventSourcingHandler
    void on(ChangeRolledOutEvent event, MetaData metaData) {
        remember(metaData);
        awaitingRollout = false;
    }

    @EventSourcingHandler
    void on(ChangeRejectedEvent event, MetaData metaData) {
        remember(metaData);
        status = ChangeStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ChangeWithdrawnEvent event, MetaData metaData) {
        remember(metaData);
        status = ChangeStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ChangeApplyStartedEvent event) {
        status = ChangeStatus.APPLYING;
        waitingForTarget = false; // each apply (a revised change applies again) records its own wait
    }

    @EventSourcingHandler
    void on(ChangeApplyWaitingEvent event) {
        waitingForTarget = true;
    }

    @EventSourcingHandler
    void on(ChangeStepRecordedEvent event) {
        waitingForTarget = false;
    }

    @EventSourcingHandler
    void on(ChangeAppliedEvent event) {
        status = ChangeStatus.APPLIED;
    }

    @EventSourcingHandler
    void on(ChangeFailedEvent event) {
        status = ChangeStatus.FAILED;
    }

    /**
     * A person's command sent again with the key of a request that took effect here (a client
     * retrying after a lost answer, a second click) changes nothing and answers as the first did.
     */
    @CommandHandlerInterceptor
    Object oncePerRequest(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (RequestKey.in(command).filter(key -> handledRequests.contains(key.value())).isPresent()) {
            return command.getPayload() instanceof ReviseChangeCommand ? revision : null;
        }
        return chain.proceed();
    }

    private void remember(MetaData metaData) {
        RequestKey.in(metaData).ifPresent(key -> handledRequests.add(key.value()));
    }

    private static MetaData requestKeyOf(MetaData metaData) {
        return RequestKey.in(metaData).map(key -> MetaData.from(key.metaData())).orElse(MetaData.emptyInstance());
    }

    private void requireStatus(ChangeStatus expected, String action) {
        if (status != expected) {
            throw new ChangeRuleViolation(Code.WRONG_STATE,
                    "the change is " + status + ": only a " + expected + " change can be " + action);
        }
    }

    private void requireRequester(String person, String action) {
        if (person == null || !person.equals(requester)) {
            throw new ChangeRuleViolation(Code.NOT_REQUESTER, "only the requester (" + requester + ") may " + action + " this change");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ChangeRuleViolation(Code.INVALID, field + " is required", field);
        }
    }

    private static String titleOrSummary(String title, Plan plan) {
        return title == null || title.isBlank() ? plan.summary() : title.strip();
    }
}
