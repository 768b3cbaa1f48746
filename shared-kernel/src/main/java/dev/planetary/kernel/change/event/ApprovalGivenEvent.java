package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;

/** One reviewer approved; {@code approvals} of {@code requiredApprovals} are now given for this revision. */
public record ApprovalGivenEvent(ChangeId changeId, int revision, String reviewer, String comment,
                                 int approvals, int requiredApprovals, Instant approvedAt) {
}
