package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;

import java.time.Instant;

/** A new revision replaced the spec; approvals given so far are void. */
public record ChangeRevisedEvent(ChangeId changeId, int revision, String title, ChangeSpec spec, Plan plan,
                                 int requiredApprovals, String revisedBy, Instant revisedAt) {
}
