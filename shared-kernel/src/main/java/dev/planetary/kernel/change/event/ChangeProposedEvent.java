package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * {@code target} is null in events recorded before Planetary managed several targets: those are the
 * default one's. {@code environment} is the target's environment when the change was proposed (whose
 * rules it follows), null where the target has none. {@code promotedFrom}: the applied change on
 * another target this one repeats, with the same spec (null: a change of its own); {@code appliesAfter}:
 * a change this one is not applied before (the one before it in a batch promotion; null: none).
 */
public record ChangeProposedEvent(ChangeId changeId, TargetId target, String environment, String title, ChangeSpec spec,
                                  Plan plan, int requiredApprovals, String requester, Instant proposedAt, ChangeId promotedFrom,
                                  ChangeId appliesAfter) {

    public ChangeProposedEvent {
        target = TargetId.orDefault(target);
    }

    public ChangeProposedEvent(ChangeId changeId, TargetId target, String environment, String title, ChangeSpec spec,
                               Plan plan, int requiredApprovals, String requester, Instant proposedAt) {
        this(changeId, target, environment, title, spec, plan, requiredApprovals, requester, proposedAt, null, null);
    }

    public ChangeProposedEvent(ChangeId changeId, TargetId target, String title, ChangeSpec spec, Plan plan,
                               int requiredApprovals, String requester, Instant proposedAt) {
        this(changeId, target, null, title, spec, plan, requiredApprovals, requester, proposedAt, null, null);
    }
}
