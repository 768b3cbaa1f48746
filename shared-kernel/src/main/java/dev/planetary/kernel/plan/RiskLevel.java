package dev.planetary.kernel.plan;

/** How dangerous a change is; the approval rule (how many reviewers) is chosen by it. */
public enum RiskLevel {
    LOW,
    HIGH
}
