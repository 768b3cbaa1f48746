package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;

import java.time.Instant;

/**
 * The approval rule is met: the change may be applied. Carries the plan the executor will run.
 * {@code awaitingRollout}: its environment leaves the apply to an operator ({@link ChangeRolledOutEvent});
 * false in events recorded before environments had rules, which were applied at once.
 */
public record ChangeApprovedEvent(ChangeId changeId, int revision, Plan plan, Instant approvedAt, boolean awaitingRollout) {

    public ChangeApprovedEvent(ChangeId changeId, int revision, Plan plan, Instant approvedAt) {
        this(changeId, revision, plan, approvedAt, false);
    }
}
