package dev.planetary.command.change;

import dev.planetary.kernel.plan.RiskLevel;

/**
 * How many distinct reviewers (never the requester) must approve a change of each risk level, and
 * who applies it once approved: Planetary at once, or an operator who rolls it out (no self-service).
 */
public record ApprovalPolicy(int lowRiskApprovals, int highRiskApprovals, Rollout rollout) {

    /** Who starts the apply of an approved change. */
    public enum Rollout { AUTOMATIC, BY_OPERATOR }

    public ApprovalPolicy {
        if (lowRiskApprovals < 1 || highRiskApprovals < 1) {
            throw new IllegalArgumentException("every change needs at least one approval");
        }
        rollout = rollout == null ? Rollout.AUTOMATIC : rollout;
    }

    public ApprovalPolicy(int lowRiskApprovals, int highRiskApprovals) {
        this(lowRiskApprovals, highRiskApprovals, Rollout.AUTOMATIC);
    }

    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(1, 2);
    }

    public int requiredApprovals(RiskLevel risk) {
        return risk == RiskLevel.HIGH ? highRiskApprovals : lowRiskApprovals;
    }

    public boolean rolledOutByOperator() {
        return rollout == Rollout.BY_OPERATOR;
    }
}
