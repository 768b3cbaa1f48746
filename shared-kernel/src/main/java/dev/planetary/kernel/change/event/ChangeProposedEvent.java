package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;

import java.time.Instant;

public record ChangeProposedEvent(ChangeId changeId, String title, ChangeSpec spec, Plan plan,
                                  int requiredApprovals, String requester, Instant proposedAt) {
}
