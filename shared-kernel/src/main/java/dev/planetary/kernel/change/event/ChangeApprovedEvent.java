package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;

import java.time.Instant;

/** The approval rule is met: the change may be applied. Carries the plan the executor will run. */
public record ChangeApprovedEvent(ChangeId changeId, int revision, Plan plan, Instant approvedAt) {
}
