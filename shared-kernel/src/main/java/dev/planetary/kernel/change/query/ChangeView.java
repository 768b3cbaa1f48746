package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

import java.time.Instant;
import java.util.List;

/** A change as reviewers see it: the spec, its plan, risk, dry-run, approvals and outcome. */
public record ChangeView(
        String id,
        TargetId target,
        String environment,
        String promotedFrom,
        String appliesAfter,
        String title,
        String kind,
        String summary,
        String requester,
        ChangeStatus status,
        RiskLevel risk,
        int revision,
        int requiredApprovals,
        boolean awaitingRollout,
        List<Approval> approvals,
        DryRunStatus dryRunStatus,
        DryRunOutcome dryRun,
        Decision rejection,
        Decision withdrawal,
        SqlError failure,
        String failureNote,
        Waiting waiting,
        List<StepView> steps,
        ChangeSpec spec,
        Plan plan,
        List<String> objects,
        Instant proposedAt,
        Instant updatedAt,
        long version) {

    public record Approval(String reviewer, String comment, Instant at) {
    }

    /**
     * One step of a plan run step by step, as far as it has come: its last status, the progress of
     * a long build ({@code progress} null when none was reported), how long it took, and a note
     * (skipped after a restart, what was cleaned up, why it failed).
     */
    public record StepView(int number, String description, StepStatus status, StepProgress progress,
                           long durationMillis, String note, String cleanup, Instant at) {
    }

    /** An apply waiting for its target, which cannot be reached: since when, and what the driver said. */
    public record Waiting(SqlError reason, Instant since) {
    }

    /** Who ended the change and why (a rejection or a withdrawal). */
    public record Decision(String by, String reason, Instant at) {
    }
}
