package dev.planetary.command.change;

import dev.planetary.kernel.plan.RiskLevel;

/** How many distinct reviewers (never the requester) must approve a change of each risk level. */
public record ApprovalPolicy(int lowRiskApprovals, int highRiskApprovals) {

    public ApprovalPolicy {
        if (lowRiskApprovals < 1 || highRiskApprovals < 1) {
            throw new IllegalArgumentException("every change needs at least one approval");
        }
    }

    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(1, 2);
    }

    public int requiredApprovals(RiskLevel risk) {
        return risk == RiskLevel.HIGH ? highRiskApprovals : lowRiskApprovals;
    }
}
