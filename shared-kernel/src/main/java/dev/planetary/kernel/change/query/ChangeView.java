package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.ChangeSpec;

import java.time.Instant;
import java.util.List;

/** A change as reviewers see it: the spec, its plan, risk, dry-run, approvals and outcome. */
public record ChangeView(
        String id,
        String title,
        String kind,
        String summary,
        String requester,
        ChangeStatus status,
        RiskLevel risk,
        int revision,
        int requiredApprovals,
        List<Approval> approvals,
        DryRunStatus dryRunStatus,
        DryRunOutcome dryRun,
        Decision rejection,
        Decision withdrawal,
        SqlError failure,
        ChangeSpec spec,
        Plan plan,
        List<String> objects,
        Instant proposedAt,
        Instant updatedAt,
        long version) {

    public record Approval(String reviewer, String comment, Instant at) {
    }

    /** Who ended the change and why (a rejection or a withdrawal). */
    public record Decision(String by, String reason, Instant at) {
    }
}
