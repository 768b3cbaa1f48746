package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * A new revision replaced the spec; approvals given so far are void. It names the change's target
 * again (null in events recorded before targets existed), so that its dry-run needs nothing else.
 */
public record ChangeRevisedEvent(ChangeId changeId, TargetId target, int revision, String title, ChangeSpec spec, Plan plan,
                                 int requiredApprovals, String revisedBy, Instant revisedAt) {

    public ChangeRevisedEvent {
        target = TargetId.orDefault(target);
    }
}
